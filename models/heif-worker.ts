/** A HEIF photo's bytes to decode, with where libheif's wasm is. */
export interface HeifRequest {
  id: number;
  bytes: Uint8Array;
  wasmUrl: string;
}

export type HeifAnswer = { id: number; jpeg: Blob } | { id: number; error: string };

export interface HeifDecoder {
  asJpeg(bytes: Uint8Array): Promise<Blob>;
  /** Stops the worker, with libheif's memory; a later photo starts another. */
  close(): void;
}

/** HEIF photos decoded in a worker started with the first one (see `serveHeif`, which it runs). */
export function heifDecoder(workerUrl: string, wasmUrl: string): HeifDecoder {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (jpeg: Blob) => void; reject: (error: Error) => void }>();
  const fail = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const started = (): Worker => {
    if (worker) return worker;
    const created = new Worker(workerUrl);
    created.addEventListener('message', ({ data }: MessageEvent<HeifAnswer>) => {
      const waiting = pending.get(data.id);
      pending.delete(data.id);
      if ('jpeg' in data) waiting?.resolve(data.jpeg);
      else waiting?.reject(new Error(data.error));
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
    asJpeg: (bytes) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        started().postMessage({ id, bytes, wasmUrl } satisfies HeifRequest, [bytes.buffer as ArrayBuffer]);
      }),
    close: () => {
      worker?.terminate();
      worker = null;
      fail(new Error('HEIF decoder closed'));
    },
  };
}
