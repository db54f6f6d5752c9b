import { FaceDetector } from '@mediapipe/tasks-vision';
import type { Box, Rect } from './boxes';
import { DEFAULT_MERGE, type MergeOptions, mergeDetections } from './merge';
import { DEFAULT_TILING, planTiles, type TilingOptions } from './tiling';

/** Where the MediaPipe runtime and the prepared model are served from (extension URLs). */
export interface DetectorAssets {
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
  modelUrl: string;
}

export interface AnalysisOptions {
  /** Detector confidence below which a candidate is dropped. */
  minScore: number;
  /** Longest side of the working copy the tiles are cut from. */
  workingSide: number;
  /** Longest side each region is resized to before MediaPipe sees it. */
  inputSide: number;
  tiling: TilingOptions;
  merge: MergeOptions;
}

export const DEFAULT_ANALYSIS: AnalysisOptions = {
  minScore: 0.5,
  workingSide: 1920,
  inputSide: 256,
  tiling: DEFAULT_TILING,
  merge: DEFAULT_MERGE,
};

/** Faces of one image, in pixels of the image as a viewer displays it (EXIF orientation applied). */
export interface FaceAnalysis {
  width: number;
  height: number;
  faces: Box[];
}

export class FaceAnalyser {
  private constructor(
    private readonly detector: FaceDetector,
    private readonly options: AnalysisOptions,
  ) {}

  static async create(assets: DetectorAssets, options: AnalysisOptions = DEFAULT_ANALYSIS): Promise<FaceAnalyser> {
    const detector = await FaceDetector.createFromOptions(
      { wasmLoaderPath: assets.wasmLoaderUrl, wasmBinaryPath: assets.wasmBinaryUrl },
      {
        // CPU: the same result on every machine, and no GPU context to lose in a hidden page.
        baseOptions: { modelAssetPath: assets.modelUrl, delegate: 'CPU' },
        runningMode: 'IMAGE',
        minDetectionConfidence: options.minScore,
      },
    );
    return new FaceAnalyser(detector, options);
  }

  /** Throws when the browser cannot decode the image. */
  async analyse(image: Blob): Promise<FaceAnalysis> {
    const decoded = await createImageBitmap(image, { imageOrientation: 'from-image' });
    const { width, height } = decoded;
    const scale = Math.min(1, this.options.workingSide / Math.max(width, height));
    const working =
      scale < 1
        ? await createImageBitmap(decoded, {
            resizeWidth: Math.round(width * scale),
            resizeHeight: Math.round(height * scale),
            resizeQuality: 'high',
          })
        : decoded;
    if (working !== decoded) decoded.close();
    try {
      const found: Box[] = [];
      for (const tile of planTiles(working.width, working.height, this.options.tiling)) {
        for (const box of await this.detectIn(working, tile)) {
          found.push({ ...box, x: box.x / scale, y: box.y / scale, width: box.width / scale, height: box.height / scale });
        }
      }
      return { width, height, faces: mergeDetections(found, this.options.merge) };
    } finally {
      working.close();
    }
  }

  /** Detections inside one region, in pixels of the working image. */
  private async detectIn(image: ImageBitmap, region: Rect): Promise<Box[]> {
    const resize = Math.min(1, this.options.inputSide / Math.max(region.width, region.height));
    const whole = resize === 1 && region.width === image.width && region.height === image.height;
    const input = whole
      ? image
      : await createImageBitmap(image, region.x, region.y, region.width, region.height, {
          resizeWidth: Math.max(1, Math.round(region.width * resize)),
          resizeHeight: Math.max(1, Math.round(region.height * resize)),
          resizeQuality: 'high',
        });
    try {
      const sx = region.width / input.width;
      const sy = region.height / input.height;
      return this.detector.detect(input).detections.flatMap(({ boundingBox, categories }) =>
        boundingBox
          ? [
              {
                x: region.x + boundingBox.originX * sx,
                y: region.y + boundingBox.originY * sy,
                width: boundingBox.width * sx,
                height: boundingBox.height * sy,
                score: categories[0]?.score ?? 0,
              },
            ]
          : [],
      );
    } finally {
      if (input !== image) input.close();
    }
  }

  close(): void {
    this.detector.close();
  }
}
