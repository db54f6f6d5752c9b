import { poolSize } from './detector-pool';
import type { HeifBand } from './heif-tiles';

/**
 * To each worker: a HEIF photo's bytes, of which it decodes part `part` of `parts`; to the first,
 * also the others' bands, a photo to encode as a JPEG, and one to drop (another part failed, or
 * its JPEG is not wanted). A TIFF (which no browser decodes either) goes to the first alone, whole.
 */
export type HeifRequest =
  | { type: 'decode'; id: number; bytes: Uint8Array; wasmUrl: string; part: number; parts: number }
  | { type: 'decode-tiff'; id: number; bytes: Uint8Array }
  | { type: 'band'; id: number; band: HeifBand | null }
  | { type: 'encode'; id: number }
  | { type: 'drop'; id: number };

/** A part's band for the first worker (null when it had no rows), the first's photo as pixels, its thumbnail and its JPEG, or an error. */
export type HeifAnswer =
  | { id: number; band: HeifBand | null }
  | { id: number; pixels: ImageBitmap }
  | { id: number; thumbnail: Blob }
  | { id: number; jpeg: Blob }
  | { id: number; error: string };

/** A HEIF photo being decoded: upright, at full size, without metadata. */
export interface DecodedHeif {
  pixels: Promise<ImageBitmap>;
  /** The photo at the size the overlay shows it, as a JPEG, made as soon as its pixels are sent. */
  thumbnail: Promise<Blob>;
  /**
   * The photo as a JPEG at full size, encoded only when asked for: encoded at once, it took the
   * cores from the analysis of the photo (0.1 s of a 12 MP photo's), whose answer then waited.
   */
  jpeg(): Promise<Blob>;
  /** Lets the photo go without its JPEG: until then, the first worker holds its pixels. */
  drop(): void;
}

/** Photos the browsers cannot decode, and the extension can. */
export type ForeignFormat = 'heif' | 'tiff';

export interface HeifDecoder {
  decode(bytes: Uint8Array, format?: ForeignFormat): DecodedHeif;
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
  const pending = new Map<number, { pixels: Settable<ImageBitmap>; thumbnail: Settable<Blob>; jpeg: Settable<Blob> }>();
  const fail = (id: number, error: Error) => {
    const waiting = pending.get(id);
    pending.delete(id);
    // Each a no-op once it came.
    waiting?.pixels.reject(error);
    waiting?.thumbnail.reject(error);
    waiting?.jpeg.reject(error);
  };
  const drop = (id: number) => workers[0]?.postMessage({ type: 'drop', id } satisfies HeifRequest);
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
    else if ('thumbnail' in data) waiting.thumbnail.resolve(data.thumbnail);
    else if ('jpeg' in data) {
      pending.delete(data.id);
      waiting.jpeg.resolve(data.jpeg);
    } else {
      fail(data.id, new Error(data.error));
      drop(data.id);
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
    decode(bytes, format = 'heif') {
      const id = nextId++;
      const waiting = { pixels: settable<ImageBitmap>(), thumbnail: settable<Blob>(), jpeg: settable<Blob>() };
      pending.set(id, waiting);
      const running = started();
      if (format === 'tiff') running[0]!.postMessage({ type: 'decode-tiff', id, bytes } satisfies HeifRequest);
      else running.forEach((worker, part) => worker.postMessage({ type: 'decode', id, bytes, wasmUrl, part, parts: running.length } satisfies HeifRequest));
      let encoding = false;
      return {
        pixels: waiting.pixels.promise,
        thumbnail: waiting.thumbnail.promise,
        jpeg: () => {
          // The first worker holds the photo once it has sent its pixels.
          const encode = () => pending.has(id) && running[0]!.postMessage({ type: 'encode', id } satisfies HeifRequest);
          if (!encoding) void waiting.pixels.promise.then(encode, () => undefined);
          encoding = true;
          return waiting.jpeg.promise;
        },
        drop: () => {
          if (!pending.has(id)) return;
          fail(id, new Error('dropped'));
          drop(id);
        },
      };
    },
    close: () => stop(new Error('HEIF decoder closed')),
  };
}
