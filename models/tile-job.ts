import type { ModelName } from './analysis-options';
import type { Box, Rect } from './boxes';

/** Where the MediaPipe and TensorFlow.js runtimes and the models are served from (absolute URLs). */
export interface ModelAssets {
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
  tfjsWasmUrl: string;
  modelUrls: Record<ModelName, string>;
}

/** One detector pass: a region of the working image, seen by one model, maybe mirrored. */
export interface TileJob {
  region: Rect;
  model: ModelName;
  mirrored: boolean;
  /** Seen upside down (turned a half turn), for faces that are upside down in the photo. */
  upsideDown?: boolean;
  /** Resized so its longest side is at most this before the model sees it (exactly this when `enlarged`). */
  inputSide: number;
  enlarged?: boolean;
  /** Which view of the analysis asked for it (votes are counted per view). */
  view: number;
}

/** One model, loaded: MediaPipe's and TensorFlow.js's detectors both answer this. Boxes in the picture's pixels. */
export interface RegionDetector {
  detect(picture: ImageBitmap | OffscreenCanvas): Promise<Box[]>;
}

/** Relative cost of one pass, for sharing jobs fairly between workers (measured with both busy: ~20 ms, ~9 ms, ~320 ms). */
export const JOB_COST: Record<ModelName, number> = { fullRange: 2.2, shortRange: 1, faceBoxes: 35 };
