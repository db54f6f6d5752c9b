// Runs in a plain Chromium page for `npm run bench`: the same detector pool and analysis the
// extension uses, with the same worker, wasm and model files, so variants compare in one session.
import { type AnalysisOptions, DEFAULT_ANALYSIS, DETECTOR_FLOOR } from '../../models/analysis-options';
import { ASSET_PATHS, detectorAssetsAt } from '../../models/asset-paths';
import { DetectorPool, poolSize } from '../../models/detector-pool';
import { analyseFaces } from '../../models/face-analyser';
import { analyseAnimation } from '../../models/frame-analyser';
import { gifWith, quantised } from '../support/gif';
import { FaceDetector } from '@mediapipe/tasks-vision';

export interface BenchRun {
  width: number;
  height: number;
  faces: Array<[number, number, number, number, number]>;
  ms: number;
}

const absolute = (path: string) => new URL(path, location.href).href;
const pools = new Map<number, Promise<DetectorPool>>();

/** One pool per worker count, shared by every variant. */
function pool(workers: number): Promise<DetectorPool> {
  let created = pools.get(workers);
  if (!created) {
    const { workerUrl, ...assets } = detectorAssetsAt((path) => absolute(`/ext/${path}`));
    created = DetectorPool.create(workerUrl, assets, { size: workers, minScore: DETECTOR_FLOOR });
    pools.set(workers, created);
  }
  return created;
}

async function analyse(options: Partial<AnalysisOptions>, image: Blob, workers = poolSize()): Promise<BenchRun> {
  const engine = await pool(workers);
  const started = performance.now();
  const how = { ...DEFAULT_ANALYSIS, ...options };
  // As the detector's page does: an animated GIF's frames are read by the extension.
  const frames = image.type === 'image/gif' ? await analyseAnimation(engine, new Uint8Array(await image.arrayBuffer()), how) : null;
  const result = frames ?? (await analyseFaces(engine, image, how));
  return {
    width: result.width,
    height: result.height,
    faces: result.faces.map((f) => [f.x, f.y, f.width, f.height, f.score]),
    ms: performance.now() - started,
  };
}

/** A photo re-encoded at another size, as a camera or phone would produce it. */
async function resized(url: string, longSide: number): Promise<Blob> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const scale = longSide / Math.max(bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
}

/** `across` × `down` copies of a photo in one width × height image (a panorama, a long screenshot). */
async function mosaic(url: string, across: number, down: number, width: number, height: number): Promise<Blob> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  for (let i = 0; i < across * down; i++) {
    context.drawImage(bitmap, ((i % across) * width) / across, (Math.floor(i / across) * height) / down, width / across, height / down);
  }
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
}

/**
 * An animated GIF `width` wide of `count` frames (on a 252-colour palette) made of the photo:
 * "sweep", a bar sweeping across its bottom fifth, below the faces, so that no two frames are
 * alike; "boomerang", the bar sweeps there and back, the second half repeating the first; "zoom",
 * the photo slowly enlarged (12 % in all), so that every pixel changes from frame to frame.
 */
async function animation(url: string, width: number, count: number, motion: 'sweep' | 'boomerang' | 'zoom'): Promise<Blob> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const context = new OffscreenCanvas(width, Math.round((bitmap.height * width) / bitmap.width)).getContext('2d', { willReadFrequently: true })!;
  const { width: w, height: h } = context.canvas;
  const steps = motion === 'boomerang' ? Math.ceil(count / 2) : count;
  const frames = Array.from({ length: count }, (_, i) => {
    const step = i >= steps ? count - 1 - i : i;
    const zoom = motion === 'zoom' ? 1 + (0.12 * i) / (count - 1) : 1;
    context.drawImage(bitmap, (w - w * zoom) / 2, (h - h * zoom) / 2, w * zoom, h * zoom);
    context.fillStyle = '#203040';
    if (motion !== 'zoom') context.fillRect(((w - w / 8) * step) / (steps - 1), h * 0.8, w / 8, h * 0.2);
    return quantised(context.getImageData(0, 0, w, h).data);
  });
  return new Blob([gifWith({ width, height: h, palette: frames[0]!.palette, frames: frames.map((f) => f.pixels) })], { type: 'image/gif' });
}

/** The photo turned `quarters` quarter turns clockwise, pixels and all (no orientation tag). */
async function turned(url: string, quarters: number): Promise<Blob> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const sideways = quarters % 2 === 1;
  const canvas = new OffscreenCanvas(sideways ? bitmap.height : bitmap.width, sideways ? bitmap.width : bitmap.height);
  const context = canvas.getContext('2d')!;
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate((quarters * Math.PI) / 2);
  context.drawImage(bitmap, -bitmap.width / 2, -bitmap.height / 2);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
}

/** The photo with its tones changed as CSS filters do: `brightness` multiplies, `contrast` scales around mid-grey. */
async function toned(url: string, brightness: number, contrast: number): Promise<Blob> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  context.filter = `brightness(${brightness}) contrast(${contrast})`;
  context.drawImage(bitmap, 0, 0);
  return context.canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
}

const images = new Map<string, Blob>();
let tutorial: Promise<FaceDetector> | undefined;

/** The naive pass as a tutorial writes it: on the page's main thread, over the decoded bitmap. */
async function naiveOnMainThread(image: Blob): Promise<BenchRun> {
  tutorial ??= FaceDetector.createFromOptions(
    { wasmLoaderPath: absolute(`/ext/${ASSET_PATHS.wasmLoader}`), wasmBinaryPath: absolute(`/ext/${ASSET_PATHS.wasmBinary}`) },
    { baseOptions: { modelAssetPath: absolute(`/ext/${ASSET_PATHS.fullRange}`), delegate: 'CPU' }, runningMode: 'IMAGE' },
  );
  const detector = await tutorial;
  const started = performance.now();
  const bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' });
  const { detections } = detector.detect(bitmap);
  bitmap.close();
  const faces = detections.flatMap(({ boundingBox: b, categories }) => (b ? [[b.originX, b.originY, b.width, b.height, categories[0]?.score ?? 0] as [number, number, number, number, number]] : []));
  return { width: 0, height: 0, faces, ms: performance.now() - started };
}

const api = {
  cores: () => poolSize(),
  async load(key: string, url: string, longSide?: number) {
    images.set(key, longSide ? await resized(url, longSide) : await (await fetch(url)).blob());
    return images.get(key)!.size;
  },
  async mosaic(key: string, url: string, across: number, down: number, width: number, height: number) {
    images.set(key, await mosaic(url, across, down, width, height));
  },
  async turned(key: string, url: string, quarters: number) {
    images.set(key, await turned(url, quarters));
  },
  async toned(key: string, url: string, brightness: number, contrast: number) {
    images.set(key, await toned(url, brightness, contrast));
  },
  async animation(key: string, url: string, width: number, count: number, motion: 'sweep' | 'boomerang' | 'zoom') {
    images.set(key, await animation(url, width, count, motion));
  },
  /** Workers started, wasm compiled, models loaded, then the first photo. */
  async coldStart(options: Partial<AnalysisOptions>, key: string) {
    const started = performance.now();
    const run = await analyse(options, images.get(key)!);
    return { ...run, ms: performance.now() - started };
  },
  run: (options: Partial<AnalysisOptions>, key: string, workers?: number) => analyse(options, images.get(key)!, workers),
  tutorial: (key: string) => naiveOnMainThread(images.get(key)!),
};

/** What `npm run bench` calls in this page (see `benchApi`). */
export type BenchApi = typeof api;
Object.assign(globalThis, { bench: api });
