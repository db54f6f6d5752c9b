import { FaceDetector } from '@mediapipe/tasks-vision';
import type { ModelName } from './view-options';
import { loadFaceBoxes } from './faceboxes-detector';
import type { Candidate } from './merge';
import type { ScaledImage } from './scaled-image';
import type { ModelAssets, RegionDetector, TileJob } from './tile-job';

type EmscriptenHook = {
  instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object;
};

/**
 * The detectors: both BlazeFace models, instantiated from one compiled wasm module (compiling
 * MediaPipe's 11.5 MB wasm is most of a cold start, and tasks-vision would otherwise compile it
 * per model; it hands `self.Module` to Emscripten, whose `instantiateWasm` hook takes the module),
 * and FaceBoxes on TensorFlow.js.
 *
 * Only the full-range model is loaded up front: every analysis starts with it, while the
 * short-range model is asked only about what looks like a face, and FaceBoxes only about faces
 * the others leave undecided. Their load (~0.25 s, ~1 s) leaves a cold start: each is loaded when
 * first needed, or by `preload` once no photo is waiting.
 */
export class TileDetector {
  private readonly models = new Map<ModelName, Promise<RegionDetector>>();

  private constructor(
    private readonly assets: ModelAssets,
    private readonly wasm: WebAssembly.Module,
    private readonly minScore: number,
  ) {}

  static async create(assets: ModelAssets, wasm: WebAssembly.Module, minScore: number): Promise<TileDetector> {
    const detector = new TileDetector(assets, wasm, minScore);
    await detector.model('fullRange');
    return detector;
  }

  /** Loads a model now if it is not loaded yet; a failure is left for the job that needs it. */
  async preload(name: ModelName): Promise<void> {
    await this.model(name).catch(() => undefined);
  }

  /** A model, loaded and warmed on first use; the same promise for every later caller. */
  private model(name: ModelName): Promise<RegionDetector> {
    let loaded = this.models.get(name);
    if (!loaded) {
      loaded = this.load(name);
      this.models.set(name, loaded);
      // Not kept when it fails (a fetch cut by memory pressure, say): the next job tries again.
      loaded.catch(() => this.models.delete(name));
    }
    return loaded;
  }

  private load(name: ModelName): Promise<RegionDetector> {
    return name === 'faceBoxes' ? loadFaceBoxes(this.assets.modelUrls.faceBoxes, this.assets.tfjsWasmUrl) : this.loadBlazeFace(name);
  }

  private async loadBlazeFace(name: Exclude<ModelName, 'faceBoxes'>): Promise<RegionDetector> {
    const hook: EmscriptenHook = {
      instantiateWasm: (imports, done) => {
        void WebAssembly.instantiate(this.wasm, imports).then((instance) => done(instance, this.wasm));
        return {};
      },
    };
    // Read and cleared by the creation: loads never overlap, since `model` keeps one per name and
    // the short-range model is first asked for after `create` has finished the full-range one.
    (self as unknown as { Module?: EmscriptenHook }).Module = hook;
    const model = await FaceDetector.createFromOptions(
      { wasmLoaderPath: this.assets.wasmLoaderUrl, wasmBinaryPath: this.assets.wasmBinaryUrl },
      {
        // CPU: the same result on every machine, and no GPU context to lose in a hidden page.
        baseOptions: { modelAssetPath: this.assets.modelUrls[name], delegate: 'CPU' },
        runningMode: 'IMAGE',
        minDetectionConfidence: this.minScore,
      },
    );
    // The first detection sets up the model's buffers (~200 ms): done here, not on a photo.
    const blank = new OffscreenCanvas(64, 64);
    blank.getContext('2d')!.fillRect(0, 0, 64, 64);
    model.detect(blank);
    return {
      detect: async (picture) =>
        model.detect(picture).detections.flatMap(({ boundingBox: b, categories }) =>
          b ? [{ x: b.originX, y: b.originY, width: b.width, height: b.height, score: categories[0]?.score ?? 0 }] : [],
        ),
    };
  }

  /**
   * Candidates of every job, in pixels of the image. Tiles of one grid level share a scale, so the
   * image is resized once per scale and each tile is a plain crop of that copy: resizing every tile
   * from the full working image costs more than detecting in it.
   */
  async detect(image: ScaledImage, jobs: TileJob[]): Promise<Candidate[]> {
    const found: Candidate[] = [];
    for (const job of jobs) {
      const fit = job.inputSide / Math.max(job.region.width, job.region.height);
      // An enlarged tile is cut first and enlarged alone: a copy of the whole image at its scale
      // could be many times the image's size (a panorama's tiles are enlarged three times).
      const scale = job.enlarged ? 1 : Math.min(1, fit);
      found.push(...(await this.detectIn(await image.at(scale), scale, job, job.enlarged ? fit : 1)));
    }
    return found;
  }

  /** One job on the image scaled by `scale`, its region then enlarged `enlarge` times; boxes are returned in unscaled pixels. */
  private async detectIn(source: ImageBitmap, scale: number, { region, model, mirrored, upsideDown = false, view }: TileJob, enlarge: number): Promise<Candidate[]> {
    const x = Math.round(region.x * scale);
    const y = Math.round(region.y * scale);
    const width = Math.max(1, Math.min(source.width - x, Math.round(region.width * scale)));
    const height = Math.max(1, Math.min(source.height - y, Math.round(region.height * scale)));
    const whole = x === 0 && y === 0 && width === source.width && height === source.height && enlarge === 1;
    // The resize options, though they keep the size, make Firefox copy the crop: its WebGL upload of
    // a crop-only bitmap (what MediaPipe does with its input) sends the whole uncropped source.
    const size = { resizeWidth: Math.round(width * enlarge), resizeHeight: Math.round(height * enlarge), ...(enlarge !== 1 && { resizeQuality: 'high' as const }) };
    const crop = whole ? source : await createImageBitmap(source, x, y, width, height, size);
    try {
      // Mirrored, upside down, or both (which flips it top to bottom only).
      const flipX = mirrored !== upsideDown;
      const boxes = await (await this.model(model)).detect(flipX || upsideDown ? flipped(crop, flipX, upsideDown) : crop);
      // Boxes come in the crop's pixels: `enlarge` times the region's at `scale`.
      return boxes.map((b) => ({
        x: (x + (flipX ? width * enlarge - b.x - b.width : b.x) / enlarge) / scale,
        y: (y + (upsideDown ? height * enlarge - b.y - b.height : b.y) / enlarge) / scale,
        width: b.width / enlarge / scale,
        height: b.height / enlarge / scale,
        score: b.score,
        view,
        seenIn: region,
      }));
    } finally {
      if (crop !== source) crop.close();
    }
  }
}

function flipped(image: ImageBitmap, acrossX: boolean, acrossY: boolean): OffscreenCanvas {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d')!;
  context.setTransform(acrossX ? -1 : 1, 0, 0, acrossY ? -1 : 1, acrossX ? image.width : 0, acrossY ? image.height : 0);
  context.drawImage(image, 0, 0);
  return canvas;
}
