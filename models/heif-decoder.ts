import load, { type LibHeif } from 'libheif-js/libheif-wasm/libheif.js';
import { type HeifBand, openHeif } from './heif-tiles';
import type { HeifAnswer, HeifRequest } from './heif-worker';
import { THUMBNAIL_QUALITY, thumbnailScale } from '../photo/thumbnail';
import { tiffPixels } from './tiff-pixels';
import { isRgbProfile, withProfileIfAny } from '../photo/colour-profile';

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

/** The tile rows of part `part` of `parts`, as even as whole rows allow, the first parts first (a photo of one tile is the first part's). */
export function rowsOf(rows: number, part: number, parts: number): { from: number; to: number } {
  return { from: Math.ceil((rows * part) / parts), to: Math.ceil((rows * (part + 1)) / parts) };
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

/** A photo the first worker is putting together: the parts' bands so far, and its size once it has decoded its own. */
interface Gathering {
  bands: HeifBand[];
  answered: number;
  size?: { width: number; height: number; parts: number };
  /** The colour profile its pixels are in (see `withColourProfile`), from the part that read it. */
  profile?: Uint8Array;
}

/**
 * One of the workers that decode HEIF photos, which no browser the extension runs in does: each
 * decodes its share of a photo's tile rows (see `openHeif`), upright (a TIFF, the first alone:
 * see `tiffPixels`). The first puts the bands together (the others' reach it through the page),
 * answers the photo's pixels and its thumbnail, and holds it until asked to encode it as the JPEG
 * the page draws, masks and posts (full size, no metadata but its colour profile), or to drop it.
 * Encoded in workers, not the page hosting the detector: there, the page being hidden, Chrome
 * encodes a canvas only in idle time, which a hidden page may not get for seconds (the first JPEG
 * of a 2.6 MP photo took 6.7 s; in a worker, 50 ms).
 */
export function serveHeif(scope: HeifWorkerScope): void {
  const gathering = new Map<number, Gathering>();
  /** Photos given up (a part failed, or their JPEG is not wanted): what still comes for them is dropped. */
  const dropped = new Set<number>();
  /** Photos put together, until their JPEG is asked for or they are dropped. */
  const held = new Map<number, { image: ImageData; profile?: Uint8Array }>();
  const add = async (id: number, band: HeifBand | null, size?: Gathering['size'], profile?: Uint8Array) => {
    if (dropped.has(id)) return;
    const photo = gathering.get(id) ?? { bands: [], answered: 0 };
    gathering.set(id, photo);
    if (band) photo.bands.push(band);
    photo.answered++;
    if (size) photo.size = size;
    // A CMYK or grey profile does not describe the RGB pixels decoded here.
    if (profile && isRgbProfile(profile)) photo.profile = profile;
    if (!photo.size || photo.answered < photo.size.parts) return;
    gathering.delete(id);
    const { width, height } = photo.size;
    const image = joined(width, height, photo.bands);
    const pixels = await createImageBitmap(image);
    scope.postMessage({ id, pixels }, [pixels]);
    if (dropped.has(id)) return;
    held.set(id, { image, ...(photo.profile && { profile: photo.profile }) });
    scope.postMessage({ id, thumbnail: await jpegOf(image, thumbnailScale(width, height), THUMBNAIL_QUALITY, photo.profile) });
  };
  const encode = async (id: number) => {
    const photo = held.get(id);
    held.delete(id);
    if (!photo) throw new Error('no such photo to encode');
    scope.postMessage({ id, jpeg: await jpegOf(photo.image, 1, STAND_IN_QUALITY, photo.profile) });
  };
  scope.addEventListener('message', async ({ data: request }) => {
    const { id } = request;
    try {
      if (request.type === 'drop') {
        dropped.add(id);
        gathering.delete(id);
        held.delete(id);
      } else if (request.type === 'encode') await encode(id);
      else if (request.type === 'band') await add(id, request.band);
      else if (request.type === 'decode-tiff') {
        const { width, height, data, profile } = tiffPixels(request.bytes);
        await add(id, { top: 0, height, data }, { width, height, parts: 1 }, profile);
      } else {
        const { part, parts } = request;
        const heif = openHeif(await libheif(request.wasmUrl), request.bytes);
        let band: HeifBand | null;
        let size: Gathering['size'];
        let profile: Uint8Array | undefined;
        try {
          const { rows, width, height } = heif.tiling;
          const { from, to } = rowsOf(rows, part, parts);
          band = from < to ? heif.band(from, to) : null;
          size = { width, height, parts };
          if (part === 0) profile = heif.profile();
        } finally {
          heif.close();
        }
        if (part === 0) await add(id, band, size, profile);
        else scope.postMessage({ id, band }, band ? [band.data.buffer] : []);
      }
    } catch (error) {
      gathering.delete(id);
      held.delete(id);
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** The image as a JPEG, resized by `scale` (at most 1), tagged with its colour `profile`. */
async function jpegOf(image: ImageData, scale: number, quality: number, profile?: Uint8Array): Promise<Blob> {
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  if (scale === 1) context.putImageData(image, 0, 0);
  else {
    const resized = await createImageBitmap(image, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
    context.drawImage(resized, 0, 0);
    resized.close();
  }
  return withProfileIfAny(await canvas.convertToBlob({ type: 'image/jpeg', quality }), profile);
}

/** The photo from its bands: the one band as it came when it holds the whole photo. */
function joined(width: number, height: number, bands: HeifBand[]): ImageData {
  if (bands.length === 1 && bands[0]!.height === height) return new ImageData(bands[0]!.data, width, height);
  const image = new ImageData(width, height);
  for (const band of bands) image.data.set(band.data, band.top * width * 4);
  return image;
}
