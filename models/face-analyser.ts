import { FaceDetector } from '@mediapipe/tasks-vision';
import type { Box, Rect } from './boxes';
import { type Candidate, clusterDetections, DEFAULT_MERGE, type MergeOptions, accepted, type VoteOptions } from './merge';
import { planTiles } from './tiling';

export type ModelName = 'fullRange' | 'shortRange';

/** Where the MediaPipe runtime and the prepared models are served from (extension URLs). */
export interface DetectorAssets {
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
  modelUrls: Record<ModelName, string>;
}

/** One way of looking at the photo: a model, the regions it sees, and whether mirrored. */
export interface ViewOptions {
  model: ModelName;
  /** Run on the whole image too. */
  whole: boolean;
  /** Grid levels of square tiles, counted on the shorter side (2 = 2×2). */
  grids: number[];
  mirrored: boolean;
  /**
   * Only look where the other views left a face undecided (seen by too few views): a second
   * opinion costs as much as the first, and most of the photo does not need one.
   */
  confirmOnly?: boolean;
}

export interface AnalysisOptions {
  views: ViewOptions[];
  /** Share of a tile that overlaps its neighbour, so a face cut by one tile is whole in another. */
  overlap: number;
  /** Detector confidence below which a candidate is not even considered. */
  minCandidateScore: number;
  vote: VoteOptions;
  /** Longest side of the working copy the tiles are cut from. */
  workingSide: number;
  /** Longest side each region is resized to before MediaPipe sees it. */
  inputSide: number;
  merge: MergeOptions;
}

/**
 * The shipped pipeline (see `npm run bench` for the alternatives it was chosen over): the
 * full-range model on the whole photo and 2×2 and 3×3 tiles, the short-range model on 4×4 and 6×6
 * tiles where small faces fill its view, and the full-range model again on the mirrored photo
 * wherever those two disagree. A face must be seen by two of these views.
 */
export const DEFAULT_ANALYSIS: AnalysisOptions = {
  views: [
    { model: 'fullRange', whole: true, grids: [2, 3], mirrored: false },
    { model: 'fullRange', whole: true, grids: [2, 3], mirrored: true, confirmOnly: true },
    { model: 'shortRange', whole: false, grids: [4, 6], mirrored: false },
  ],
  overlap: 0.25,
  minCandidateScore: 0.4,
  vote: { minViews: 2, minScoreSum: 1.1 },
  workingSide: 1920,
  inputSide: 256,
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
    private readonly detectors: Map<ModelName, FaceDetector>,
    private readonly options: AnalysisOptions,
  ) {}

  static async create(assets: DetectorAssets, options: AnalysisOptions = DEFAULT_ANALYSIS): Promise<FaceAnalyser> {
    const fileset = { wasmLoaderPath: assets.wasmLoaderUrl, wasmBinaryPath: assets.wasmBinaryUrl };
    const models = [...new Set(options.views.map((v) => v.model))];
    const detectors = await Promise.all(
      models.map((model) =>
        FaceDetector.createFromOptions(fileset, {
          // CPU: the same result on every machine, and no GPU context to lose in a hidden page.
          baseOptions: { modelAssetPath: assets.modelUrls[model], delegate: 'CPU' },
          runningMode: 'IMAGE',
          minDetectionConfidence: options.minCandidateScore,
        }),
      ),
    );
    return new FaceAnalyser(new Map(models.map((m, i) => [m, detectors[i]!])), options);
  }

  /** Throws when the browser cannot decode the image. */
  async analyse(image: Blob): Promise<FaceAnalysis> {
    const decoded = await createImageBitmap(image, { imageOrientation: 'from-image' });
    const { width, height } = decoded;
    const scale = Math.min(1, this.options.workingSide / Math.max(width, height));
    const working = uprightCopy(decoded, scale);
    decoded.close();
    try {
      const candidates: Candidate[] = [];
      const views = this.options.views.map((options, index) => ({ options, index }));
      for (const { options, index } of views.filter((v) => !v.options.confirmOnly)) {
        for (const tile of this.regions(working, options)) candidates.push(...(await this.detectIn(working, tile, options, index)));
      }
      const undecided = clusterDetections(candidates, this.options.merge).filter((c) => c.votes.size < this.options.vote.minViews);
      for (const { options, index } of views.filter((v) => v.options.confirmOnly)) {
        const needed = this.regions(working, options).filter((tile) => undecided.some((face) => holdsCentre(tile, face)));
        for (const tile of needed) candidates.push(...(await this.detectIn(working, tile, options, index)));
      }
      const faces = clusterDetections(candidates, this.options.merge)
        .filter((cluster) => accepted(cluster, this.options.vote))
        .map(({ x, y, width: w, height: h, score }) => ({ x: x / scale, y: y / scale, width: w / scale, height: h / scale, score }));
      return { width, height, faces };
    } finally {
      working.close();
    }
  }

  private regions(image: ImageBitmap, view: ViewOptions): Rect[] {
    const tiles = planTiles(image.width, image.height, { grids: view.grids, overlap: this.options.overlap });
    return view.whole ? tiles : tiles.slice(1);
  }

  /** Detections inside one region, in pixels of the working image. */
  private async detectIn(image: ImageBitmap, region: Rect, view: ViewOptions, index: number): Promise<Candidate[]> {
    const resize = Math.min(1, this.options.inputSide / Math.max(region.width, region.height));
    const width = Math.max(1, Math.round(region.width * resize));
    const height = Math.max(1, Math.round(region.height * resize));
    const whole = resize === 1 && !view.mirrored && region.width === image.width && region.height === image.height;
    const input = whole
      ? image
      : await createImageBitmap(image, region.x, region.y, region.width, region.height, {
          resizeWidth: width,
          resizeHeight: height,
          resizeQuality: 'high',
        });
    try {
      const sx = region.width / width;
      const sy = region.height / height;
      const detections = this.detectors.get(view.model)!.detect(view.mirrored ? mirror(input) : input).detections;
      return detections.flatMap(({ boundingBox: b, categories }) =>
        b
          ? [
              {
                x: region.x + (view.mirrored ? width - b.originX - b.width : b.originX) * sx,
                y: region.y + b.originY * sy,
                width: b.width * sx,
                height: b.height * sy,
                score: categories[0]?.score ?? 0,
                view: index,
              },
            ]
          : [],
      );
    } finally {
      if (input !== image) input.close();
    }
  }

  close(): void {
    for (const detector of this.detectors.values()) detector.close();
  }
}

/**
 * The working copy, drawn through a canvas: a bitmap decoded with its EXIF orientation keeps that
 * orientation as a property in Chrome, and crops taken from it are rotated a second time.
 */
function uprightCopy(decoded: ImageBitmap, scale: number): ImageBitmap {
  const canvas = new OffscreenCanvas(Math.round(decoded.width * scale), Math.round(decoded.height * scale));
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(decoded, 0, 0, canvas.width, canvas.height);
  return canvas.transferToImageBitmap();
}

function holdsCentre(tile: Rect, face: Rect): boolean {
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height / 2;
  return cx >= tile.x && cx < tile.x + tile.width && cy >= tile.y && cy < tile.y + tile.height;
}

function mirror(image: ImageBitmap): OffscreenCanvas {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d')!;
  context.scale(-1, 1);
  context.drawImage(image, -image.width, 0);
  return canvas;
}
