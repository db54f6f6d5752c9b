import type { ModelName } from './view-options';
import type { Candidate } from './merge';
import type { FromWorker, ToWorker } from './pool-protocol';
import { jobCost, type ModelAssets, type TileJob } from './tile-job';
import { withinTime } from './within-time';

export interface PoolOptions {
  /** Workers to run: one per core helps, up to a point (each holds both models: ~40 MB). */
  size: number;
  /** The models' own confidence floor: candidates below it are never produced. */
  minScore: number;
  /** How long a request may go unanswered before its worker counts as stalled (default `STALLED_MS`). */
  stalledMs?: number;
}

/**
 * A request unanswered this long means a stalled worker, handled as a dead one: the pool fails
 * what it holds and is replaced for the next photo. Longer than the guard waits for a photo (60 s),
 * which it then shows as not checked; no round of any photo comes near it.
 */
export const STALLED_MS = 90_000;

export const poolSize = (cores = navigator.hardwareConcurrency || 2) => Math.max(1, Math.min(4, cores));

/** The jobs on one image, in as many rounds as the analysis needs; release it when done. */
export interface ImageSession {
  detect(jobs: TileJob[]): Promise<Candidate[]>;
  release(): void;
}

/**
 * Shares jobs so that each worker ends up with about the same work, counting what each still has
 * to do (`loads`, one per worker, in `jobCost` units): largest first, to the least loaded.
 */
export function shareJobs(jobs: TileJob[], loads: readonly number[]): TileJob[][] {
  const shares = loads.map((load) => ({ jobs: [] as TileJob[], load }));
  for (const job of [...jobs].sort((a, b) => jobCost(b) - jobCost(a))) {
    const least = shares.reduce((min, share) => (share.load < min.load ? share : min));
    least.jobs.push(job);
    least.load += jobCost(job);
  }
  return shares.map((share) => share.jobs);
}

/**
 * Face detection spread over workers, one per core: the passes of one photo are independent, so
 * a photo takes about 1/n of the time. The wasm is compiled once here and shared with every worker.
 */
export class DetectorPool {
  private nextRequest = 0;
  private nextImage = 0;
  private readonly pending = new Map<number, { resolve: (c: Candidate[]) => void; reject: (e: Error) => void }>();
  /**
   * The cost of the jobs each worker was sent and has not answered: a photo's analysis may end
   * before a long FaceBoxes pass it no longer needs does, and photos analysed at once share the
   * workers, so new jobs go where the least work is waiting.
   */
  private readonly loads: number[];

  /** Set when a worker died (out of memory on a huge photo, say) or stalled: the pool must be replaced. */
  broken = false;

  private constructor(
    private readonly workers: Worker[],
    private readonly stalledMs: number,
  ) {
    this.loads = workers.map(() => 0);
    for (const worker of workers) {
      // Requests a dead worker held would never be answered: fail them all, so that no photo waits forever.
      worker.addEventListener('error', () => this.fail(new Error('a detector worker stopped')));
      worker.addEventListener('message', ({ data }: MessageEvent<FromWorker>) => {
        if (data.type === 'ready' || data.type === 'preloaded' || data.request === undefined) return;
        const waiting = this.pending.get(data.request);
        this.pending.delete(data.request);
        if (data.type === 'detected') waiting?.resolve(data.candidates);
        else waiting?.reject(new Error(data.error));
      });
    }
  }

  /**
   * Workers that have not all started within the stall limit count as failed, like a stalled
   * request: a start that never ends would otherwise hold every later photo too, since they all
   * wait for this pool.
   */
  static async create(workerUrl: string, assets: ModelAssets, options: PoolOptions): Promise<DetectorPool> {
    const stalledMs = options.stalledMs ?? STALLED_MS;
    const workers = Array.from({ length: options.size }, () => new Worker(workerUrl));
    const start = async () => {
      const wasm = await WebAssembly.compileStreaming(fetch(assets.wasmBinaryUrl));
      await Promise.all(workers.map((worker) => initialise(worker, { type: 'init', wasm, assets, minScore: options.minScore })));
    };
    try {
      if ((await withinTime(start, stalledMs)) === 'timeout') throw new Error('the detector workers did not start');
      return new DetectorPool(workers, stalledMs);
    } catch (error) {
      for (const worker of workers) worker.terminate();
      throw error;
    }
  }

  /**
   * Starts work on an image, which the session then owns. Each worker that gets jobs receives its
   * own copy before its first ones; a later round may need workers the first one did not. Rounds
   * may overlap: released, the image stays in the workers until every request on it is answered.
   */
  open(image: ImageBitmap): ImageSession {
    const imageId = this.nextImage++;
    const copies = new Map<Worker, Promise<void>>();
    const inFlight = new Set<Promise<unknown>>();
    const copyTo = (worker: Worker): Promise<void> => {
      let sent = copies.get(worker);
      if (!sent) {
        sent = createImageBitmap(image).then((copy) => worker.postMessage({ type: 'image', imageId, image: copy } satisfies ToWorker, [copy]));
        copies.set(worker, sent);
      }
      return sent;
    };
    const ask = async (i: number, jobs: TileJob[]): Promise<Candidate[]> => {
      const cost = jobs.reduce((sum, job) => sum + jobCost(job), 0);
      this.loads[i]! += cost;
      try {
        await copyTo(this.workers[i]!);
        return await this.request(this.workers[i]!, imageId, jobs);
      } finally {
        this.loads[i]! -= cost;
      }
    };
    return {
      detect: async (jobs) => {
        const asked = shareJobs(jobs, this.loads).flatMap((share, i) => (share.length ? [ask(i, share)] : []));
        const settled = Promise.allSettled(asked);
        inFlight.add(settled);
        void settled.then(() => inFlight.delete(settled));
        return (await Promise.all(asked)).flat();
      },
      release: () => {
        // Every copy is sent within a request on the image, so once these settle, no copy is pending.
        void Promise.allSettled(inFlight).then(() => {
          for (const worker of copies.keys()) worker.postMessage({ type: 'release', imageId } satisfies ToWorker);
          image.close();
        });
      },
    };
  }

  private request(worker: Worker, imageId: number, jobs: TileJob[]): Promise<Candidate[]> {
    const request = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const stalled = setTimeout(() => this.fail(new Error('a detector worker stalled')), this.stalledMs);
      this.pending.set(request, {
        resolve: (candidates) => (clearTimeout(stalled), resolve(candidates)),
        reject: (error) => (clearTimeout(stalled), reject(error)),
      });
      worker.postMessage({ type: 'detect', request, imageId, jobs } satisfies ToWorker);
    });
  }

  /**
   * Called when no photo is waiting, so that loading the rest of the models delays none. FaceBoxes
   * (~0.8 s to load and warm, most of it not yielding) is loaded by the first worker before the
   * others: a photo picked meanwhile then finds the others free. The first gets the single
   * FaceBoxes pass over a whole photo (`shareJobs` gives the costliest job to the first, when all
   * are free).
   */
  preload(): void {
    const [first, ...others] = this.workers;
    if (!first) return;
    const send = (worker: Worker, models: ModelName[]) => worker.postMessage({ type: 'preload', models } satisfies ToWorker);
    const onPreloaded = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type !== 'preloaded') return;
      first.removeEventListener('message', onPreloaded);
      for (const worker of others) send(worker, ['faceBoxes']);
    };
    first.addEventListener('message', onPreloaded);
    send(first, ['shortRange', 'faceBoxes']);
    for (const worker of others) send(worker, ['shortRange']);
  }

  close(): void {
    for (const worker of this.workers) worker.terminate();
    this.fail(new Error('detector closed'));
  }

  private fail(error: Error): void {
    this.broken = true;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

function initialise(worker: Worker, init: ToWorker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'ready') resolve();
      else if (data.type === 'failed') reject(new Error(data.error));
      else return;
      worker.removeEventListener('message', onMessage);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (event) => reject(new Error(`detector worker failed to start: ${event.message}`)), { once: true });
    worker.postMessage(init);
  });
}
