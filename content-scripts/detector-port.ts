import type { AnalysisResult, EncodedImage } from '../messaging/protocol';
import type { Sensitivity } from '../models/analysis-options';

/** What the guard needs from the extension's detector; the entry wires it to runtime messaging. */
export interface DetectorPort {
  analyse(image: EncodedImage, sensitivity: Sensitivity): Promise<AnalysisResult>;
  warm(): Promise<null>;
}

export const encodeImage = (file: File, bytes: Uint8Array): EncodedImage => ({
  name: file.name,
  type: file.type,
  base64: bytes.toBase64(),
});

/**
 * Warms the detector as soon as the page offers a file input (a composer is open) on a site the
 * guard is on for, so the model is loaded by the time a photo is picked.
 */
export function warmOnComposer(detector: DetectorPort, signal: AbortSignal, guarding: () => boolean): void {
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (!guarding() || !document.querySelector('input[type=file]')) return;
    observer.disconnect();
    void detector.warm();
  };
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  check();
}
