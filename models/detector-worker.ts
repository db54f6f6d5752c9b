import type { FromWorker, ToWorker } from './pool-protocol';
import { ScaledImage } from './scaled-image';
import { TileDetector } from './tile-detector';

/** The part of a dedicated worker's global scope used here (the DOM lib has no worker types). */
export interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A detector worker: holds both models on the shared wasm and runs the jobs it is sent, on the
 * images it is sent. Messages are handled in order, so a detect never runs before init is done.
 */
export function serveDetector(scope: WorkerScope): void {
  const images = new Map<number, ScaledImage>();
  let detector: Promise<TileDetector> | null = null;
  const reply = (answer: FromWorker) => scope.postMessage(answer);

  scope.addEventListener('message', async ({ data }: MessageEvent<ToWorker>) => {
    if (data.type === 'init') {
      detector = TileDetector.create(data.assets, data.wasm, data.minScore);
      detector.then(() => reply({ type: 'ready' })).catch((error: unknown) => reply({ type: 'failed', error: message(error) }));
    } else if (data.type === 'image') {
      images.set(data.imageId, new ScaledImage(data.image));
    } else if (data.type === 'detect') {
      try {
        const image = images.get(data.imageId);
        if (!image || !detector) throw new Error('detector worker: no image or not initialised');
        reply({ type: 'detected', request: data.request, candidates: await (await detector).detect(image, data.jobs) });
      } catch (error) {
        reply({ type: 'failed', request: data.request, error: message(error) });
      }
    } else if (data.type === 'preload') {
      // One after the other: loading both at once would hold up a photo's first jobs twice as long.
      void detector?.then(async (ready) => {
        for (const name of data.models) await ready.preload(name);
        reply({ type: 'preloaded' });
      }, () => undefined);
    } else {
      images.get(data.imageId)?.close();
      images.delete(data.imageId);
    }
  });
}
