// Runs in a plain Chromium page for `npm run bench`: the same FaceAnalyser the extension uses,
// with the same wasm and model files, so variants can be compared in one browser session.
import { DEFAULT_ANALYSIS, type AnalysisOptions, FaceAnalyser } from '../../models/face-analyser';

export interface BenchRun {
  width: number;
  height: number;
  faces: Array<[number, number, number, number, number]>;
  ms: number;
}

const analysers = new Map<string, FaceAnalyser>();

async function analyserFor(variant: string, options: Partial<AnalysisOptions>): Promise<FaceAnalyser> {
  let analyser = analysers.get(variant);
  if (!analyser) {
    analyser = await FaceAnalyser.create(
      {
        wasmLoaderUrl: '/ext/mediapipe/vision_wasm_internal.js',
        wasmBinaryUrl: '/ext/mediapipe/vision_wasm_internal.wasm',
        modelUrls: {
          fullRange: '/ext/models/face_detection_full_range.tflite',
          shortRange: '/ext/models/face_detection_short_range.tflite',
        },
      },
      { ...DEFAULT_ANALYSIS, ...options },
    );
    analysers.set(variant, analyser);
  }
  return analyser;
}

async function analyse(variant: string, options: Partial<AnalysisOptions>, image: Blob): Promise<BenchRun> {
  const analyser = await analyserFor(variant, options);
  const started = performance.now();
  const result = await analyser.analyse(image);
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

const images = new Map<string, Blob>();

Object.assign(globalThis, {
  bench: {
    async load(key: string, url: string, longSide?: number) {
      images.set(key, longSide ? await resized(url, longSide) : await (await fetch(url)).blob());
      return images.get(key)!.size;
    },
    async coldStart(options: Partial<AnalysisOptions>, key: string) {
      const started = performance.now();
      const run = await analyse('cold', options, images.get(key)!);
      return { ...run, ms: performance.now() - started };
    },
    run: (variant: string, options: Partial<AnalysisOptions>, key: string) =>
      analyse(variant, options, images.get(key)!),
  },
});
