import type { ModelName } from './view-options';
import type { Candidate } from './merge';
import type { ModelAssets, TileJob } from './tile-job';

/**
 * Messages between the detector pool (in the page hosting the detector) and its workers. An image
 * is sent to a worker once, before the first jobs that need it, and kept there until released.
 */
export type ToWorker =
  | { type: 'init'; wasm: WebAssembly.Module; assets: ModelAssets; minScore: number }
  | { type: 'image'; imageId: number; image: ImageBitmap }
  | { type: 'detect'; request: number; imageId: number; jobs: TileJob[] }
  | { type: 'release'; imageId: number }
  /** Nothing is waiting: load these models, one after the other, before they are first needed. */
  | { type: 'preload'; models: ModelName[] };

export type FromWorker =
  | { type: 'ready' }
  /** The models a `preload` named are loaded (or failed, left for the job that needs them). */
  | { type: 'preloaded' }
  | { type: 'detected'; request: number; candidates: Candidate[] }
  | { type: 'failed'; request?: number; error: string };
