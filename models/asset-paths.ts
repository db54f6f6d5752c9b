import type { DetectorAssets } from './detector-service';
import { MODEL_FILES } from './face-model';

/** Paths of the detector's files inside the built extension; wxt.config.ts copies them there. */
export const ASSET_PATHS = {
  wasmLoader: 'mediapipe/vision_wasm_internal.js',
  wasmBinary: 'mediapipe/vision_wasm_internal.wasm',
  fullRange: `models/${MODEL_FILES.fullRange}`,
  shortRange: `models/${MODEL_FILES.shortRange}`,
  tfjsWasm: 'tfjs/tfjs-backend-wasm-simd.wasm',
  faceBoxes: 'models/faceboxes.json',
  faceBoxesWeights: 'models/faceboxes.bin',
  worker: 'detector-worker.js',
  heifWorker: 'heif-worker.js',
  heifWasm: 'libheif/libheif.wasm',
  heifLicense: 'libheif/LICENSE',
} as const;

/** The detector's files where `url` serves the built extension (its own origin, or the bench's copy). */
export function detectorAssetsAt(url: (path: string) => string): DetectorAssets {
  return {
    workerUrl: url(ASSET_PATHS.worker),
    heifWorkerUrl: url(ASSET_PATHS.heifWorker),
    heifWasmUrl: url(ASSET_PATHS.heifWasm),
    wasmLoaderUrl: url(ASSET_PATHS.wasmLoader),
    wasmBinaryUrl: url(ASSET_PATHS.wasmBinary),
    tfjsWasmUrl: url(ASSET_PATHS.tfjsWasm),
    modelUrls: { fullRange: url(ASSET_PATHS.fullRange), shortRange: url(ASSET_PATHS.shortRange), faceBoxes: url(ASSET_PATHS.faceBoxes) },
  };
}
