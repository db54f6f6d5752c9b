import { browser } from 'wxt/browser';
import type { DetectorAssets } from '../models/detector-service';
import { MODEL_FILES } from '../models/face-model';

/** Paths inside the built extension; wxt.config.ts copies the files there. */
export const ASSET_PATHS = {
  wasmLoader: 'mediapipe/vision_wasm_internal.js',
  wasmBinary: 'mediapipe/vision_wasm_internal.wasm',
  fullRange: `models/${MODEL_FILES.fullRange}`,
  shortRange: `models/${MODEL_FILES.shortRange}`,
  tfjsWasm: 'tfjs/tfjs-backend-wasm-simd.wasm',
  faceBoxes: 'models/faceboxes.json',
  faceBoxesWeights: 'models/faceboxes.bin',
} as const;

export function detectorAssets(): DetectorAssets {
  // getURL's typed paths only know WXT's own entrypoints, not copied assets.
  const url = (path: string) => browser.runtime.getURL(`/${path}` as '/');
  return {
    workerUrl: url('detector-worker.js'),
    wasmLoaderUrl: url(ASSET_PATHS.wasmLoader),
    wasmBinaryUrl: url(ASSET_PATHS.wasmBinary),
    tfjsWasmUrl: url(ASSET_PATHS.tfjsWasm),
    modelUrls: { fullRange: url(ASSET_PATHS.fullRange), shortRange: url(ASSET_PATHS.shortRange), faceBoxes: url(ASSET_PATHS.faceBoxes) },
  };
}

/** Release the model after this long without a photo. */
export const DETECTOR_IDLE_MS = 3 * 60_000;
