import { poolSize } from './detector-pool';
import type { HeifBand } from './heif-tiles';

/**
 * To each worker: a HEIF photo's bytes, of which it decodes part `part` of `parts`; to the first,
 * also the others' bands, and a photo to drop (another part failed).
 */
export type HeifRequest =
  | { type: 'decode'; id: number; bytes: Uint8Array; wasmUrl: string; part: number; parts: number }
  | { type: 'band'; id: number; band: HeifBand | null }
  | { type: 'drop'; id: number };

/** A part's band for the first worker (null when it had no rows), the first's photo as pixels then as a JPEG, or an error. */
export type HeifAnswer = { id: number; band: HeifBand | null } | { id: number; pixels: ImageBitmap } | { id: number; jpeg: Blob } | { id: number; error: string };

/** A HEIF photo being decoded: upright, at full size, as pixels and then as a JPEG without metadata. */
export interface DecodedHeif {
  pixels: Promise<ImageBitmap>;
  jpeg: Promise<Blob>;
}

export interface HeifDecoder {
  decode(bytes: Uint8Array): DecodedHeif;
  /** Stops the workers, with libheif's memory; a later photo starts others. */
  close(): void;
}

interface Settable<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

/** A promise settled from outside; its user may stop at the first failure and leave it unread. */
function settable<T>(): Settable<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * HEIF photos decoded by workers started with the first one (see `serveHeif`, which they run), one
 * per core like the detector's: libheif decodes on one thread, and an iPhone's HEIC is a grid of
 * tiles, so each worker decodes a band of tile rows, and the first puts them together. A photo of
 * one tile is the first worker's alone.
 */
export function heifDecoder(workerUrl: string, wasmUrl: string, size = poolSize()): HeifDecoder {
  let workers: Worker[] = [];
  let nextId = 0;
  const pending = new Map<number, { pixels: Settable<ImageBitmap>; jpeg: Settable<Blob> }>();
  const fail = (id: number, error: Error) => {
    const waiting = pending.get(id);
    pending.delete(id);
    waiting?.pixels.reject(error); // a no-op once the pixels came
    waiting?.jpeg.reject(error);
  };
  const stop = (error: Error) => {
    for (const worker of workers) worker.terminate();
    workers = [];
    for (const id of [...pending.keys()]) fail(id, error);
  };
  const answered = ({ data }: MessageEvent<HeifAnswer>) => {
    const waiting = pending.get(data.id);
    if (!waiting) {
      if ('pixels' in data) data.pixels.close(); // of a photo given up
      return;
    }
    if ('band' in data) workers[0]?.postMessage({ type: 'band', ...data } satisfies HeifRequest, data.band ? [data.band.data.buffer] : []);
    else if ('pixels' in data) waiting.pixels.resolve(data.pixels);
    else if ('jpeg' in data) {
      pending.delete(data.id);
      waiting.jpeg.resolve(data.jpeg);
    } else {
      fail(data.id, new Error(data.error));
      workers[0]?.postMessage({ type: 'drop', id: data.id } satisfies HeifRequest);
    }
  };
  const started = (): Worker[] => {
    if (workers.length) return workers;
    workers = Array.from({ length: size }, () => new Worker(workerUrl));
    for (const worker of workers) {
      worker.addEventListener('message', answered);
      // A photo too large for their memory, say: what they held fails, and the next photo gets new ones.
      worker.addEventListener('error', () => stop(new Error('the HEIF decoder stopped')));
    }
    return workers;
  };
  return {
    decode(bytes) {
      const id = nextId++;
      const waiting = { pixels: settable<ImageBitmap>(), jpeg: settable<Blob>() };
      pending.set(id, waiting);
      const running = started();
      running.forEach((worker, part) => worker.postMessage({ type: 'decode', id, bytes, wasmUrl, part, parts: running.length } satisfies HeifRequest));
      return { pixels: waiting.pixels.promise, jpeg: waiting.jpeg.promise };
    },
    close: () => stop(new Error('HEIF decoder closed')),
  };
}
