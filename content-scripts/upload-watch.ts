import type { AnalysisResult, EncodedImage } from '../messaging/protocol';

/** What the watcher needs from the extension; the entry wires it to runtime messaging. */
export interface DetectorPort {
  analyse(image: EncodedImage): Promise<AnalysisResult>;
  warm(): Promise<null>;
}

export interface AnalysedFile {
  file: File;
  result: AnalysisResult;
}

const isImage = (file: File) => file.type.startsWith('image/');

export async function encodeFile(file: File): Promise<EncodedImage> {
  return { name: file.name, type: file.type, base64: new Uint8Array(await file.arrayBuffer()).toBase64() };
}

/**
 * Watches the page's file inputs: warms the detector as soon as a composer offers one, and
 * analyses every image the user picks. Everything stops when `signal` aborts (the content
 * script's context is invalidated on extension update or unload).
 */
export function watchUploads(
  port: DetectorPort,
  onAnalysed: (analysed: AnalysedFile) => void,
  signal: AbortSignal,
): void {
  let warmed = false;
  const warmOnComposer = () => {
    if (warmed || !document.querySelector('input[type=file]')) return;
    warmed = true;
    observer.disconnect();
    void port.warm();
  };
  const observer = new MutationObserver(warmOnComposer);
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  warmOnComposer();

  window.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
      for (const file of Array.from(input.files ?? []).filter(isImage)) {
        void encodeFile(file)
          .then((image) => port.analyse(image))
          .catch((error: unknown): AnalysisResult => ({ ok: false, error: String(error) }))
          .then((result) => onAnalysed({ file, result }));
      }
    },
    { capture: true, signal },
  );
}
