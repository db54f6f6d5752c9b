import type { ModelName } from './analysis-options';
import type { Candidate } from './merge';
import type { ModelAssets, TileJob } from './tile-job';

/**
 * Messages between the detector pool (in the page hosting the detector) and its workers. An image
 * is sent to a worker once, with the first jobs that need it, and kept there until released.
 */
export type ToWorker =
  | { type: 'init'; wasm: WebAssembly.Module; assets: ModelAssets; minScore: number }
  | { type: 'detect'; request: number; imageId: number; image?: ImageBitmap; jobs: TileJob[] }
  | { type: 'release'; imageId: number }
  /** Nothing is waiting: load these models, one after the other, before they are first needed. */
  | { type: 'preload'; models: ModelName[] };

export type FromWorker =
  | { type: 'ready' }
  /** The models a `preload` named are loaded (or failed, left for the job that needs them). */
  | { type: 'preloaded' }
  | { type: 'detected'; request: number; candidates: Candidate[] }
  | { type: 'failed'; request?: number; error: string };
