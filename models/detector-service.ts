import { type EncodedImage, received, sentBack } from '../messaging/carried-image';
import type { ParcelDesk } from '../messaging/parcels';
import type { AnalysisResult, StandInResult } from '../messaging/protocol';
import { renamedFor } from '../photo/file-name';
import { isHevcHeif } from '../photo/heif';
import { isTiff } from '../photo/tiff';
import { decodes } from '../photo/upright-decode';
import { analysisFor, DETECTOR_FLOOR, type Sensitivity } from './analysis-options';
import { inReadingOrder, overlapsAny, type Rect } from './boxes';
import { DetectorPool, poolSize } from './detector-pool';
import { analyseBitmap, analyseFaces, untilAborted } from './face-analyser';
import { analyseAnimation } from './frame-analyser';
import { type DecodedHeif, heifDecoder } from './heif-worker';
import type { ModelAssets } from './tile-job';

/** Absolute URLs of the detector worker script and of what it loads. */
export interface DetectorAssets extends ModelAssets {
  workerUrl: string;
  /** The worker that decodes HEIC photos, and libheif's wasm: both loaded on the first HEIC only. */
  heifWorkerUrl: string;
  heifWasmUrl: string;
}

export interface DetectorService {
  /** With `signal`: abandoned, at its next round, once that aborts. `within`: see AnalysisRequest. */
  analyse(image: EncodedImage, sensitivity: Sensitivity, signal?: AbortSignal, within?: Rect[]): Promise<AnalysisResult>;
  warm(): Promise<null>;
  /** A stand-in the answer of an analysis named (see StandInRequest); given once. */
  standIn(id: string): Promise<StandInResult>;
}

/** How long a stand-in is kept for the page told of it, which asks for it at once. */
export const STAND_IN_KEPT_MS = 60_000;

export interface ServiceOptions {
  /** Release the model (tens of MB of wasm heap) after this long without a request. */
  idleMs: number;
  onRelease?: () => void;
  /** Where photos sent as parcels are fetched from (Chrome's offscreen document: see parcels.ts). */
  parcels?: ParcelDesk;
}

/**
 * Owns the detector workers in whichever page hosts them (Chrome's offscreen document, Firefox's
 * background page): started on first need, kept while photos keep coming, stopped when idle.
 */
export function createDetectorService(assets: DetectorAssets, options: ServiceOptions): DetectorService {
  let pool: Promise<DetectorPool> | null = null;
  /** The pool once running: a worker that died breaks it, and the next photo gets a new one. */
  let running: DetectorPool | null = null;
  let pending = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const heif = heifDecoder(assets.heifWorkerUrl, assets.heifWasmUrl);
  /** Stand-ins being encoded or encoded, with the request their photo came in (their way back). */
  const standIns = new Map<string, { request: EncodedImage; jpeg: Promise<Blob>; forgotten: ReturnType<typeof setTimeout> }>();

  /** A request the page must not be released during (see `releaseLater`). */
  const hold = (): void => {
    pending++;
    clearTimeout(idleTimer);
  };
  const acquire = (): Promise<DetectorPool> => {
    hold();
    if (running?.broken) {
      running.close();
      running = null;
      pool = null;
    }
    pool ??= DetectorPool.create(assets.workerUrl, assets, { size: poolSize(), minScore: DETECTOR_FLOOR }).then(
      (created) => (running = created),
      (error: unknown) => {
        pool = null;
        throw error;
      },
    );
    return pool;
  };
  const releaseLater = (): void => {
    if (--pending > 0) return;
    running?.preload();
    idleTimer = setTimeout(async () => {
      const current = pool;
      pool = null;
      running = null;
      (await current?.catch(() => null))?.close();
      heif.close();
      options.onRelease?.();
    }, options.idleMs);
  };

  /**
   * Runs work on the pool, and once more on a new pool if this one broke under it: a worker that
   * died or stalled failed every photo it held, whichever photo caused it, and the next try may
   * well succeed (a photo that itself kills its worker fails the second time too).
   */
  const onPool = async <T>(work: (engine: DetectorPool) => Promise<T>, signal?: AbortSignal): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      // Acquired inside the try: a pool that failed to start still ends this request's wait, or
      // the service would count it as waiting for ever (no preload, no release when idle).
      let engine: DetectorPool | undefined;
      try {
        engine = await acquire();
        return await work(engine);
      } catch (error) {
        if (attempt > 1 || !engine?.broken || signal?.aborted) throw error;
      } finally {
        releaseLater();
      }
    }
  };

  /** Work that keeps the page from being released while it runs, without starting the workers itself. */
  const busy = async <T>(work: () => Promise<T>): Promise<T> => {
    hold();
    try {
      return await work();
    } finally {
      releaseLater();
    }
  };

  const analyse = async (image: EncodedImage, sensitivity: Sensitivity, signal: AbortSignal, within?: Rect[]): Promise<AnalysisResult> => {
    const started = performance.now();
    let ownPixels: Promise<ImageBitmap> | undefined;
    let ownDecoding: DecodedHeif | null = null;
    try {
      const blob = await received(image, options.parcels);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const how = analysisFor(sensitivity);
      const where = within && overlapsAny(within);
      // A HEIF photo (an iPhone's HEIC) the browser cannot decode is decoded by libheif, started
      // before the pool may have to start: its faces are looked for as soon as its pixels come, and
      // the JPEG the page will draw is encoded once they are found (see DecodedHeif). An AVIF is
      // the browser's (libheif here has no AV1 decoder): it is not decoded an extra time to find that out.
      // A TIFF likewise, by UTIF (in the same workers; a browser that decodes it, Safari, keeps it).
      const foreign = isHevcHeif(bytes) ? 'heif' : isTiff(bytes) ? 'tiff' : null;
      ownDecoding = foreign && !(await decodes(blob)) ? heif.decode(bytes, foreign) : null;
      ownPixels = ownDecoding?.pixels;
      // An animated GIF's frames are read here; anything else is what the browser decodes.
      const found = await onPool(async (pool) => {
        const engine = untilAborted(pool, signal);
        // A copy per attempt: the analysis takes over the bitmap it is given.
        if (ownPixels) return analyseBitmap(engine, await createImageBitmap(await ownPixels), how, where);
        return (await analyseAnimation(engine, bytes, how)) ?? (await analyseFaces(engine, blob, how, where));
      }, signal);
      const analysis = { ...found, faces: inReadingOrder(found.faces) };
      const ms = Math.round(performance.now() - started);
      if (!ownDecoding) return { ok: true, analysis, ms };
      const thumbnail = await drawnBack(image, await ownDecoding.thumbnail);
      return { ok: true, analysis, ms, standIn: { id: keepStandIn(image, ownDecoding.jpeg()), thumbnail } };
    } catch (error) {
      ownDecoding?.drop();
      return { ok: false, error: message(error) };
    } finally {
      void ownPixels?.then((pixels) => pixels.close(), () => undefined);
    }
  };

  /** What the extension drew of a photo, sent back the way the photo came, named for its type. */
  const drawnBack = (request: EncodedImage, drawn: Blob) => sentBack(request, renamedFor(request.name, drawn.type), drawn, options.parcels);
  const keepStandIn = (request: EncodedImage, jpeg: Promise<Blob>): string => {
    const id = crypto.randomUUID();
    jpeg.catch(() => undefined); // the page is told when it asks
    standIns.set(id, { request, jpeg, forgotten: setTimeout(() => standIns.delete(id), STAND_IN_KEPT_MS) });
    return id;
  };
  const standIn = async (id: string): Promise<StandInResult> => {
    const kept = standIns.get(id);
    if (!kept) return { ok: false, error: 'no such photo' };
    standIns.delete(id);
    clearTimeout(kept.forgotten);
    try {
      return { ok: true, image: await drawnBack(kept.request, await kept.jpeg) };
    } catch (error) {
      return { ok: false, error: message(error) };
    }
  };

  return {
    async warm() {
      try {
        await acquire();
      } finally {
        releaseLater();
      }
      return null;
    },
    // Held from the start: a HEIF photo's decoding starts before the pool is asked for.
    analyse: (image, sensitivity, signal = new AbortController().signal, within) => busy(() => analyse(image, sensitivity, signal, within)),
    standIn: (id) => busy(() => standIn(id)),
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
