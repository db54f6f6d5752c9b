import { readFileSync } from 'node:fs';
import load, { type LibHeif } from 'libheif-js/libheif-wasm/libheif.js';

/** The wasm the extension ships, as its worker fetches it. */
export const LIBHEIF_WASM = 'node_modules/libheif-js/libheif-wasm/libheif.wasm';

export const loadLibheif = (): Promise<LibHeif> => load({ wasmBinary: readFileSync(LIBHEIF_WASM).buffer as ArrayBuffer });

/** libheif's own decoding of the whole primary image (its JavaScript binding), upright, as RGBA. */
export async function wholeDecode(lib: LibHeif, bytes: Uint8Array): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const decoder = new lib.HeifDecoder();
  const [image] = decoder.decode(bytes).filter((candidate) => candidate.is_primary());
  const target = { width: image!.get_width(), height: image!.get_height(), data: new Uint8ClampedArray(image!.get_width() * image!.get_height() * 4) };
  await new Promise((done) => image!.display(target, done));
  image!.free();
  lib.heif_context_free(decoder.decoder!);
  return target;
}

/** How many bytes of two images differ (a matcher's diff of 11 MB would not fit in memory). */
export function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}
