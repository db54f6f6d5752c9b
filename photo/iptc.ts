import { ascii } from './bytes';
import type { EmbeddedDetails } from './details';
import { distinct } from './details';
import type { StringTag } from './exif-tags';

/**
 * A reader for the IPTC block (IIM records) that Photoshop, Lightroom, news and catalogue software
 * write into a JPEG's APP13 segment, inside Photoshop's image resources. Throws when malformed.
 */

const IPTC_RESOURCE = 0x0404;

/** Record 2 datasets that say what an EXIF tag says. */
const AS_EXIF: Partial<Record<number, StringTag>> = { 65: 'Software', 80: 'Artist', 116: 'Copyright', 120: 'ImageDescription' };
/** Sublocation, city, province, country, then object name, headline, keywords. */
const NAMED = [92, 90, 95, 101, 5, 105, 25];
const DATE = 55;
const TIME = 60;

/** The IIM data of the Photoshop resources in an APP13 segment's body. */
const iimOf = (body: Uint8Array): Uint8Array | null => (ascii(body, 0, 14) === 'Photoshop 3.0\0' ? iimInResources(body, 14) : null);

/** The IIM data among Photoshop image resources, from `from`. */
function iimInResources(body: Uint8Array, from: number): Uint8Array | null {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  for (let at = from; at + 12 <= body.length; ) {
    if (ascii(body, at, 4) !== '8BIM') throw new Error('malformed Photoshop resources');
    const id = view.getUint16(at + 4);
    const name = 1 + body[at + 6]!;
    const sizeAt = at + 6 + name + (name % 2);
    const size = view.getUint32(sizeAt);
    if (id === IPTC_RESOURCE) return body.subarray(sizeAt + 4, sizeAt + 4 + size);
    at = sizeAt + 4 + size + (size % 2);
  }
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');
/** IIM text is UTF-8 when record 1 says so, often without saying; else Latin-1. */
const text = (bytes: Uint8Array) => {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
};

/** What an APP13 segment's body says about the photo. */
export const readIptc = (body: Uint8Array): EmbeddedDetails => readIim(iimOf(body));

/**
 * What a TIFF's IPTC tag (the IIM data itself) or Photoshop tag (image resources without
 * APP13's header) says.
 */
export const readTiffIptc = (value: Uint8Array): EmbeddedDetails => readIim(value[0] === 0x1c ? value : iimInResources(value, 0));

function readIim(iim: Uint8Array | null): EmbeddedDetails {
  const datasets = new Map<number, string[]>();
  for (let at = 0; iim && at + 5 <= iim.length && iim[at] === 0x1c; ) {
    const size = (iim[at + 3]! << 8) | iim[at + 4]!;
    if (size & 0x8000) break; // an extended length: only huge binary datasets use it
    if (iim[at + 1] === 2) {
      const dataset = iim[at + 2]!;
      datasets.set(dataset, [...(datasets.get(dataset) ?? []), text(iim.subarray(at + 5, at + 5 + size)).trim()]);
    }
    at += 5 + size;
  }
  const get = (dataset: number) => datasets.get(dataset)?.find(Boolean);
  const strings: EmbeddedDetails['tags']['strings'] = {};
  for (const [dataset, tag] of Object.entries(AS_EXIF)) {
    const value = get(Number(dataset));
    if (value) strings[tag!] = value;
  }
  // "CCYYMMDD" and "HHMMSS±HHMM", written as EXIF writes a date.
  const date = get(DATE)?.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1:$2:$3');
  const time = get(TIME)?.replace(/^(\d{2})(\d{2})(\d{2}).*$/, '$1:$2:$3');
  if (date) strings.DateTimeOriginal = time ? `${date} ${time}` : date;
  return { tags: { strings }, named: distinct(NAMED.flatMap((dataset) => datasets.get(dataset) ?? [])) };
}
