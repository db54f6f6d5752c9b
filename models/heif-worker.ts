/** A HEIF photo's bytes to decode, with where libheif's wasm is. */
export interface HeifRequest {
  id: number;
  bytes: Uint8Array;
  wasmUrl: string;
}

/** Each request is answered with its pixels, then its JPEG; or with an error (see `serveHeif`). */
export type HeifAnswer = { id: number; pixels: ImageBitmap } | { id: number; jpeg: Blob } | { id: number; error: string };

/** A HEIF photo being decoded: upright, at full size, as pixels and then as a JPEG without metadata. */
export interface DecodedHeif {
  pixels: Promise<ImageBitmap>;
  jpeg: Promise<Blob>;
}

export interface HeifDecoder {
  decode(bytes: Uint8Array): DecodedHeif;
  /** Stops the worker, with libheif's memory; a later photo starts another. */
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

interface Waiting {
  pixels: Settable<ImageBitmap>;
  jpeg: Settable<Blob>;
}

/** HEIF photos decoded in a worker started with the first one (see `serveHeif`, which it runs). */
export function heifDecoder(workerUrl: string, wasmUrl: string): HeifDecoder {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Waiting>();
  const reject = ({ pixels, jpeg }: Waiting, error: Error) => {
    pixels.reject(error); // a no-op once the pixels came
    jpeg.reject(error);
  };
  const fail = (error: Error) => {
    for (const waiting of pending.values()) reject(waiting, error);
    pending.clear();
  };
  const started = (): Worker => {
    if (worker) return worker;
    const created = new Worker(workerUrl);
    created.addEventListener('message', ({ data }: MessageEvent<HeifAnswer>) => {
      const waiting = pending.get(data.id);
      if ('pixels' in data) {
        if (waiting) waiting.pixels.resolve(data.pixels);
        else data.pixels.close();
        return;
      }
      pending.delete(data.id);
      if ('jpeg' in data) waiting?.jpeg.resolve(data.jpeg);
      else if (waiting) reject(waiting, new Error(data.error));
    });
    // A photo too large for its memory, say: what it held fails, and the next photo gets a new one.
    created.addEventListener('error', () => {
      created.terminate();
      if (worker === created) worker = null;
      fail(new Error('the HEIF decoder stopped'));
    });
    return (worker = created);
  };
  return {
    decode(bytes) {
      const id = nextId++;
      const waiting: Waiting = { pixels: settable(), jpeg: settable() };
      pending.set(id, waiting);
      started().postMessage({ id, bytes, wasmUrl } satisfies HeifRequest, [bytes.buffer as ArrayBuffer]);
      return { pixels: waiting.pixels.promise, jpeg: waiting.jpeg.promise };
    },
    close: () => {
      worker?.terminate();
      worker = null;
      fail(new Error('HEIF decoder closed'));
    },
  };
}
