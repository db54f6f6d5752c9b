import load, { type LibHeif } from 'libheif-js/libheif-wasm/libheif.js';
import type { HeifAnswer, HeifRequest } from './heif-worker';

/** libheif (its 1.4 MB wasm, with the HEVC decoder), loaded with the first HEIF photo. */
let library: Promise<LibHeif> | null = null;
const libheif = (wasmUrl: string): Promise<LibHeif> => {
  library ??= fetch(wasmUrl)
    .then((response) => response.arrayBuffer())
    .then((wasmBinary) => load({ wasmBinary }));
  // A failed load is not kept: the next photo tries again.
  library.catch(() => (library = null));
  return library;
};

/**
 * A HEIF photo (an iPhone's HEIC) decoded by libheif, which no browser the extension runs in does.
 * Its primary image, the one a viewer shows, upright: libheif applies its rotation and mirroring.
 */
async function decodeHeif(bytes: Uint8Array, wasmUrl: string): Promise<ImageData> {
  const lib = await libheif(wasmUrl);
  const decoder = new lib.HeifDecoder();
  const images = decoder.decode(bytes);
  const image = images.find((candidate) => candidate.is_primary()) ?? images[0];
  try {
    if (!image) throw new Error('no image in this HEIF file');
    const width = image.get_width();
    const height = image.get_height();
    const target = { data: new Uint8ClampedArray(width * height * 4), width, height };
    const decoded = await new Promise((resolve) => image.display(target, resolve));
    if (!decoded) throw new Error('this HEIF image could not be decoded');
    return new ImageData(target.data, width, height);
  } finally {
    for (const handle of images) handle.free();
    if (decoder.decoder) lib.heif_context_free(decoder.decoder);
  }
}

/**
 * Quality of the JPEG a HEIF photo is handed on as: masked faces are drawn over it and encoded
 * again (at 0.92), so it loses as little as a JPEG can while staying a few MB for a 12 MP photo.
 */
const STAND_IN_QUALITY = 0.95;

/** The part of a dedicated worker's global scope used here. */
export interface HeifWorkerScope {
  postMessage(message: HeifAnswer, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<HeifRequest>) => void): void;
}

/**
 * The worker that decodes HEIF photos. Each is answered twice: its pixels as soon as they are
 * decoded, so that faces are looked for while its JPEG (what the page draws, masks and posts: full
 * size, upright, no metadata; 0.17 s for 12 MP) is encoded; then the JPEG. A worker, not the page
 * hosting the detector: there, the page being hidden, Chrome encodes a canvas only in idle time,
 * which a hidden page may not get for seconds (the first JPEG of a 2.6 MP photo took 6.7 s; in a
 * worker, 50 ms).
 */
export function serveHeif(scope: HeifWorkerScope): void {
  scope.addEventListener('message', async ({ data: { id, bytes, wasmUrl } }) => {
    try {
      const decoded = await decodeHeif(bytes, wasmUrl);
      const pixels = await createImageBitmap(decoded);
      scope.postMessage({ id, pixels }, [pixels]);
      const canvas = new OffscreenCanvas(decoded.width, decoded.height);
      canvas.getContext('2d')!.putImageData(decoded, 0, 0);
      scope.postMessage({ id, jpeg: await canvas.convertToBlob({ type: 'image/jpeg', quality: STAND_IN_QUALITY }) });
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
