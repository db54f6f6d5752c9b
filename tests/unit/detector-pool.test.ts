import { afterEach, describe, expect, it, vi } from 'vitest';
import { poolSize, shareJobs } from '../../models/detector-pool';
import { jobCost, type TileJob } from '../../models/tile-job';

const job = (model: TileJob['model'], view = 0): TileJob => ({ region: { x: 0, y: 0, width: 10, height: 10 }, model, mirrored: false, inputSide: 256, view });
const load = (jobs: TileJob[]) => jobs.reduce((sum, j) => sum + jobCost(j), 0);

describe('shareJobs', () => {
  it('gives every job to exactly one worker', () => {
    const jobs = [...Array.from({ length: 22 }, () => job('fullRange')), ...Array.from({ length: 78 }, () => job('shortRange', 2))];
    const shares = shareJobs(jobs, [0, 0, 0]);
    expect(shares).toHaveLength(3);
    expect(shares.flat()).toHaveLength(jobs.length);
    expect(new Set(shares.flat())).toEqual(new Set(jobs));
  });

  it('balances the cost, not the count, of the jobs', () => {
    const jobs = [...Array.from({ length: 4 }, () => job('fullRange')), ...Array.from({ length: 10 }, () => job('shortRange'))];
    const loads = shareJobs(jobs, [0, 0]).map(load);
    expect(Math.abs(loads[0]! - loads[1]!)).toBeLessThanOrEqual(jobCost(job('fullRange')));
    expect(loads[0]! + loads[1]!).toBe(load(jobs));
  });

  it("counts a FaceBoxes pass by the pixels it sees: eight close looks at 256 px weigh about one whole photo at 1024", () => {
    const whole: TileJob = { ...job('faceBoxes'), region: { x: 0, y: 0, width: 1920, height: 1280 }, inputSide: 1024 };
    const close = Array.from({ length: 8 }, (): TileJob => ({ ...job('faceBoxes', 4), inputSide: 256, enlarged: true }));
    expect(shareJobs([whole, ...close], [0, 0])).toEqual([[whole], close]);
  });

  it('counts the work a worker still has to do: new jobs go to the other first', () => {
    const jobs = Array.from({ length: 6 }, () => job('shortRange'));
    expect(shareJobs(jobs, [4, 0]).map((share) => share.length)).toEqual([1, 5]);
  });

  it('leaves workers idle when there are fewer jobs than workers', () => {
    expect(shareJobs([job('fullRange')], [0, 0, 0, 0]).filter((share) => share.length)).toHaveLength(1);
  });
});

describe('poolSize', () => {
  it('uses one worker per core, at least one and at most four', () => {
    expect([0, 1, 2, 8].map((cores) => poolSize(cores))).toEqual([1, 1, 2, 4]);
  });
});

/** A worker that starts, then never answers a detection: enough to watch the pool's bookkeeping. */
class SilentWorker extends EventTarget {
  static all: SilentWorker[] = [];
  readonly received: string[] = [];
  constructor() {
    super();
    SilentWorker.all.push(this);
  }
  postMessage(message: { type: string; models?: string[] }) {
    this.received.push(message.models ? `${message.type} ${message.models.join(' ')}` : message.type);
    const answer = ({ init: 'ready', preload: 'preloaded' } as Record<string, string>)[message.type];
    if (answer) queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: { type: answer } })));
  }
  terminate() {}
}

/** A worker that never says it has started (stuck loading its models, say). */
class MuteWorker extends SilentWorker {
  terminated = false;
  override postMessage(message: { type: string }) {
    this.received.push(message.type);
  }
  override terminate() {
    this.terminated = true;
  }
}

/** The detector's files: none is fetched, with the stubs below. */
const ASSETS = { workerUrl: 'worker.js', wasmLoaderUrl: '', wasmBinaryUrl: '', tfjsWasmUrl: '', heifWorkerUrl: '', heifWasmUrl: '', modelUrls: { fullRange: '', shortRange: '', faceBoxes: '' } };

/** Workers of this kind on a two-core machine, with no wasm to compile; `SilentWorker.all` lists them. */
function stubWorkers(worker: typeof SilentWorker): void {
  vi.stubGlobal('Worker', worker);
  vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
  vi.stubGlobal('fetch', async () => new Response(''));
  vi.spyOn(WebAssembly, 'compileStreaming').mockResolvedValue({} as WebAssembly.Module);
  SilentWorker.all = [];
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A worker that answers every detection at once, finding nothing. */
class AnsweringWorker extends SilentWorker {
  override postMessage(message: { type: string; request?: number }) {
    super.postMessage(message);
    if (message.type === 'detect') {
      queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: { type: 'detected', request: message.request, candidates: [] } })));
    }
  }
}

describe('DetectorPool when a worker dies or stalls', () => {
  /** A pool of two stubbed workers, and a detection on both of them. */
  async function detectingWith(worker: typeof SilentWorker, stalledMs?: number) {
    stubWorkers(worker);
    vi.stubGlobal('createImageBitmap', async () => ({ close() {} }));
    const { DetectorPool } = await import('../../models/detector-pool');
    const pool = await DetectorPool.create('worker.js', ASSETS, { size: 2, minScore: 0.3, ...(stalledMs && { stalledMs }) });
    const detecting = pool.open({ close() {} } as unknown as ImageBitmap).detect([job('fullRange'), job('shortRange')]);
    return { pool, detecting };
  }
  it('fails the pending requests instead of leaving them waiting, and says it is broken', async () => {
    const { pool, detecting } = await detectingWith(SilentWorker);
    await new Promise((r) => setTimeout(r, 0));
    expect(pool.broken).toBe(false);
    SilentWorker.all[0]!.dispatchEvent(new Event('error'));
    await expect(detecting).rejects.toThrow('a detector worker stopped');
    expect(pool.broken).toBe(true);
  });

  it('treats a worker that does not answer in time as stalled, the same way', async () => {
    const { pool, detecting } = await detectingWith(SilentWorker, 30);
    await expect(detecting).rejects.toThrow('a detector worker stalled');
    expect(pool.broken).toBe(true);
  });

  it('gives up on workers that have not started within the stall limit, and stops them', async () => {
    stubWorkers(MuteWorker);
    const { DetectorPool } = await import('../../models/detector-pool');
    await expect(DetectorPool.create('worker.js', ASSETS, { size: 2, minScore: 0.3, stalledMs: 30 })).rejects.toThrow('the detector workers did not start');
    expect(SilentWorker.all.map((worker) => (worker as MuteWorker).terminated)).toEqual([true, true]);
  });

  it('forgets the deadline of a request once it is answered', async () => {
    const { pool, detecting } = await detectingWith(AnsweringWorker, 30);
    expect(await detecting).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(pool.broken).toBe(false);
  });
});

describe('an image session', () => {
  it('keeps a released image in the workers until every request on it is answered', async () => {
    stubWorkers(SilentWorker);
    vi.stubGlobal('createImageBitmap', async () => ({ close() {} }));
    const { DetectorPool } = await import('../../models/detector-pool');
    const pool = await DetectorPool.create('worker.js', ASSETS, { size: 2, minScore: 0.3 });
    const image = { closed: false, close() { this.closed = true; } };
    const session = pool.open(image as unknown as ImageBitmap);
    const detecting = session.detect([job('fullRange'), job('shortRange')]);
    await new Promise((r) => setTimeout(r, 0));
    session.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(SilentWorker.all.map((worker) => worker.received.filter((type) => type !== 'init'))).toEqual([['image', 'detect'], ['image', 'detect']]);
    expect(image.closed).toBe(false);

    SilentWorker.all.forEach((worker, request) => worker.dispatchEvent(new MessageEvent('message', { data: { type: 'detected', request, candidates: [] } })));
    expect(await detecting).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(SilentWorker.all.map((worker) => worker.received.at(-1))).toEqual(['release', 'release']);
    expect(image.closed).toBe(true);
  });
});

describe('the detector service', () => {
  it('lets go of workers that did not start: the next request starts new ones, and idle work resumes once none waits', async () => {
    vi.useFakeTimers();
    stubWorkers(MuteWorker);
    // Node 20 has no Uint8Array.fromBase64; the photo's bytes are never looked at here.
    const fromBase64 = Object.getOwnPropertyDescriptor(Uint8Array, 'fromBase64');
    Object.defineProperty(Uint8Array, 'fromBase64', { value: () => new Uint8Array(), configurable: true });
    try {
      const { createDetectorService } = await import('../../models/detector-service');
      const { STALLED_MS } = await import('../../models/detector-pool');
      const service = createDetectorService(ASSETS, { idleMs: 60_000 });
      const analysing = service.analyse({ name: 'a.jpg', type: 'image/jpeg', base64: '' }, 'balanced');
      await vi.advanceTimersByTimeAsync(STALLED_MS);
      expect(await analysing).toEqual({ ok: false, error: 'the detector workers did not start' });

      stubWorkers(SilentWorker);
      await service.warm();
      expect(SilentWorker.all.map((worker) => worker.received)).toEqual([
        ['init', 'preload shortRange faceBoxes'],
        ['init', 'preload shortRange', 'preload faceBoxes'],
      ]);
    } finally {
      if (fromBase64) Object.defineProperty(Uint8Array, 'fromBase64', fromBase64);
      else delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
    }
  });

  it('has the workers load the rest of their models only once no photo is waiting, FaceBoxes in the first before the others', async () => {
    stubWorkers(SilentWorker);
    const { createDetectorService } = await import('../../models/detector-service');
    const service = createDetectorService(ASSETS, { idleMs: 60_000 });
    // Two requests at once: the first to finish still leaves one waiting, so only the second's end preloads.
    await Promise.all([service.warm(), service.warm()]);
    expect(SilentWorker.all.map((worker) => worker.received)).toEqual([
      ['init', 'preload shortRange faceBoxes'],
      ['init', 'preload shortRange', 'preload faceBoxes'],
    ]);
  });
});
