import { inClosedRoots, pointerOf } from './closed-roots';
import { base64Carrier, type EncodedImage, type ImageCarrier } from '../messaging/carried-image';
import { ANALYSIS_ANSWERED, ANALYSIS_PORT, type AnalysisResult, type StandInResult } from '../messaging/protocol';
import type { Sensitivity } from '../models/analysis-options';
import type { Rect } from '../models/boxes';
import type { DetectorRequests } from '../models/detector-requests';
import type { FaceAnalysis } from '../models/face-analyser';

/** What the guard needs from the extension's detector; the entry wires it to runtime messaging. */
export interface DetectorPort {
  /**
   * Once `signal` aborts, the answer is no longer waited for, and the detector is told to stop.
   * `within`: see AnalysisRequest.
   */
  analyse(image: EncodedImage, sensitivity: Sensitivity, signal?: AbortSignal, within?: Rect[]): Promise<AnalysisResult>;
  warm(): Promise<null>;
  /** A stand-in an answer named (see StandInRequest). */
  standIn(id: string): Promise<StandInResult>;
  /** How images reach the detector and come back from it; base64 when not given. */
  carrier?: ImageCarrier;
}

/**
 * Keeps a sign of the waiting page open while the analysis `id` runs (see ANALYSIS_PORT), for when
 * the page goes before the answer comes; the function it returns closes it once answered.
 */
export type Hold = (id: string) => () => void;

/** What a hold uses of a runtime port. */
export interface HeldPort {
  postMessage(message: string): void;
  disconnect(): void;
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * A hold by a runtime port named for the analysis, told once answered before it is closed. A port
 * the other end closed first (the background restarted) throws on use: there is nothing left to
 * tell then, and the answer must still reach the page.
 */
export const portHold =
  (connect: (name: string) => HeldPort): Hold =>
  (id) => {
    const port = connect(`${ANALYSIS_PORT}${id}`);
    let open = true;
    port.onDisconnect.addListener(() => (open = false));
    return () => {
      if (!open) return;
      port.postMessage(ANALYSIS_ANSWERED);
      port.disconnect();
    };
  };

/** The port over the extension's messages: each analysis named, so that it can be abandoned. */
export function messagePort(send: DetectorRequests, hold?: Hold, carrier?: ImageCarrier): DetectorPort {
  return {
    ...(carrier && { carrier }),
    async analyse(image, sensitivity, signal, within) {
      const id = crypto.randomUUID();
      const release = hold?.(id);
      const abandon = () => void send.abandon({ id }).catch(() => null); // the extension may be gone
      signal?.addEventListener('abort', abandon, { once: true });
      try {
        return await send.analyse({ image, sensitivity, id, ...(within && { within }) });
      } finally {
        signal?.removeEventListener('abort', abandon);
        release?.();
      }
    },
    warm: () => {
      carrier?.prepare?.();
      return send.warm();
    },
    standIn: (id) => send.standIn({ id }),
  };
}

/**
 * A photo the page cannot draw, as the detector decoded it: its thumbnail with the answer, and
 * the photo itself (a JPEG, named for it) asked for as soon as the answer comes.
 */
export interface StandIn {
  thumbnail: Blob;
  photo: Promise<File>;
}

export type Answer = { ok: true; analysis: FaceAnalysis; standIn?: StandIn } | { ok: false; error: string };

export const carrierOf = (detector: DetectorPort): ImageCarrier => detector.carrier ?? base64Carrier;

/** Sends `image` to the detector the way its port carries images, and unpacks what comes back (see StandIn). */
export async function analyseImage(
  detector: DetectorPort,
  image: Blob,
  name: string,
  sensitivity: Sensitivity,
  signal?: AbortSignal,
  within?: Rect[],
): Promise<Answer> {
  const carrier = carrierOf(detector);
  const sent = await carrier.pack(image, name);
  try {
    const result = await detector.analyse(sent, sensitivity, signal, within);
    if (!result.ok || !result.standIn) return result.ok ? { ok: true, analysis: result.analysis } : result;
    const photo = standInPhoto(detector, result.standIn.id);
    photo.catch(() => undefined); // felt only if it is drawn on: see protect.ts
    return { ok: true, analysis: result.analysis, standIn: { thumbnail: await carrier.unpack(result.standIn.thumbnail), photo } };
  } finally {
    carrier.release(sent);
  }
}

async function standInPhoto(detector: DetectorPort, id: string): Promise<File> {
  const result = await detector.standIn(id);
  if (!result.ok) throw new Error(`the photo as decoded did not come: ${result.error}`);
  const { name, type } = result.image;
  return new File([await carrierOf(detector).unpack(result.image)], name, { type });
}

/**
 * Warms the detector as soon as the page offers a file input (a composer is open) on a site the
 * guard is on for, so the model is loaded by the time a photo is picked; and again whenever a
 * file dialog opens (the user's click on an input, or the page's own): an input in a web
 * component's shadow root, which the first check cannot see, and a detector released as idle
 * (minutes after the composer opened) start while the user chooses a photo. `then`: what else to
 * make ready, once the detector is (not before: it would take the cores from the detector's start).
 */
export function warmOnComposer(detector: DetectorPort, signal: AbortSignal, guarding: () => boolean, then: () => void): void {
  // Only a head start: if it fails (the extension is being updated), the first photo starts it.
  const warm = () => void detector.warm().then(then, () => null);
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (!guarding() || !document.querySelector('input[type=file]')) return;
    observer.disconnect();
    warm();
  };
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  check();
  const opensDialog = (event: Event) => {
    const [aimed] = event.composedPath();
    const target = aimed && inClosedRoots(aimed, pointerOf(event)).target;
    if (guarding() && target instanceof HTMLInputElement && target.type === 'file') warm();
  };
  window.addEventListener('click', opensDialog, { capture: true, signal });
}
