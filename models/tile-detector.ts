import { FaceDetector } from '@mediapipe/tasks-vision';
import type { ModelName } from './analysis-options';
import type { Candidate } from './merge';
import type { ModelAssets, TileJob } from './tile-job';

type EmscriptenHook = {
  instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object;
};

/**
 * Both BlazeFace models, instantiated from one compiled wasm module: compiling MediaPipe's
 * 11.5 MB wasm is most of a cold start, and tasks-vision would otherwise compile it per model.
 * tasks-vision hands `self.Module` to Emscripten, whose `instantiateWasm` hook takes the module.
 */
export class TileDetector {
  private constructor(private readonly models: Map<ModelName, FaceDetector>) {}

  static async create(assets: ModelAssets, wasm: WebAssembly.Module, minScore: number): Promise<TileDetector> {
    const fileset = { wasmLoaderPath: assets.wasmLoaderUrl, wasmBinaryPath: assets.wasmBinaryUrl };
    const models = new Map<ModelName, FaceDetector>();
    // One after the other: `self.Module` is read and cleared by each creation.
    for (const model of ['fullRange', 'shortRange'] as const) {
      const hook: EmscriptenHook = {
        instantiateWasm: (imports, done) => {
          void WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm));
          return {};
        },
      };
      (self as unknown as { Module?: EmscriptenHook }).Module = hook;
      models.set(
        model,
        await FaceDetector.createFromOptions(fileset, {
          // CPU: the same result on every machine, and no GPU context to lose in a hidden page.
          baseOptions: { modelAssetPath: assets.modelUrls[model], delegate: 'CPU' },
          runningMode: 'IMAGE',
          minDetectionConfidence: minScore,
        }),
      );
    }
    const detector = new TileDetector(models);
    detector.warmUp();
    return detector;
  }

  /** The first detection of each model sets up its buffers (~200 ms): done here, not on a photo. */
  private warmUp(): void {
    const blank = new OffscreenCanvas(64, 64);
    blank.getContext('2d')!.fillRect(0, 0, 64, 64);
    for (const model of this.models.values()) model.detect(blank);
  }

  /**
   * Candidates of every job, in pixels of `image`. Tiles of one grid level share a scale, so the
   * image is resized once per scale and each tile is a plain crop of that copy: resizing every tile
   * from the full working image costs more than detecting in it.
   */
  async detect(image: ImageBitmap, jobs: TileJob[]): Promise<Candidate[]> {
    const scaled = new Map<number, Promise<ImageBitmap>>();
    const at = (scale: number) => {
      let copy = scaled.get(scale);
      if (!copy) {
        const size = { resizeWidth: Math.max(1, Math.round(image.width * scale)), resizeHeight: Math.max(1, Math.round(image.height * scale)) };
        copy = scale === 1 ? Promise.resolve(image) : createImageBitmap(image, { ...size, resizeQuality: 'high' });
        scaled.set(scale, copy);
      }
      return copy;
    };
    try {
      const found: Candidate[] = [];
      for (const job of jobs) {
        const scale = Math.min(1, job.inputSide / Math.max(job.region.width, job.region.height));
        found.push(...(await this.detectIn(await at(scale), scale, job)));
      }
      return found;
    } finally {
      for (const copy of scaled.values()) void copy.then((bitmap) => bitmap !== image && bitmap.close());
    }
  }

  /** One job on the image scaled by `scale`; boxes are returned in unscaled pixels. */
  private async detectIn(source: ImageBitmap, scale: number, { region, model, mirrored, view }: TileJob): Promise<Candidate[]> {
    const x = Math.round(region.x * scale);
    const y = Math.round(region.y * scale);
    const width = Math.max(1, Math.min(source.width - x, Math.round(region.width * scale)));
    const height = Math.max(1, Math.min(source.height - y, Math.round(region.height * scale)));
    const whole = x === 0 && y === 0 && width === source.width && height === source.height;
    // The resize options, though they keep the size, make Firefox copy the crop: its WebGL upload of
    // a crop-only bitmap (what MediaPipe does with its input) sends the whole uncropped source.
    const crop = whole ? source : await createImageBitmap(source, x, y, width, height, { resizeWidth: width, resizeHeight: height });
    try {
      const { detections } = this.models.get(model)!.detect(mirrored ? mirror(crop) : crop);
      return detections.flatMap(({ boundingBox: b, categories }) =>
        b
          ? [
              {
                x: (x + (mirrored ? width - b.originX - b.width : b.originX)) / scale,
                y: (y + b.originY) / scale,
                width: b.width / scale,
                height: b.height / scale,
                score: categories[0]?.score ?? 0,
                view,
              },
            ]
          : [],
      );
    } finally {
      if (crop !== source) crop.close();
    }
  }

  close(): void {
    for (const model of this.models.values()) model.close();
  }
}

function mirror(image: ImageBitmap): OffscreenCanvas {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d')!;
  context.scale(-1, 1);
  context.drawImage(image, -image.width, 0);
  return canvas;
}
