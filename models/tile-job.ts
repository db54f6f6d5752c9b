import type { ModelName } from './view-options';
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

/**
 * Relative cost of one pass, in short-range passes, for sharing jobs fairly between workers
 * (measured with both busy: full-range 12–30 ms, short-range 5–15 ms; FaceBoxes 232–287 ms at
 * 1024 px, 70–81 ms at 512 px, 26–29 ms at 256 px: a small fixed part, and the rest growing with
 * its input's pixels).
 */
export function jobCost({ model, region, inputSide, enlarged }: TileJob): number {
  if (model === 'fullRange') return 2.2;
  if (model === 'shortRange') return 1;
  const side = enlarged ? inputSide : Math.min(inputSide, Math.max(region.width, region.height));
  return 1 + 24 * (side / 1024) ** 2;
}
