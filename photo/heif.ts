import { ascii } from './bytes';
import type { Segment, SegmentKind } from './segments';

/**
 * HEIF (an iPhone's HEIC, AVIF): metadata are items of the `meta` box — an `Exif` item, and XMP as
 * a `mime` item of type application/rdf+xml — whose bytes lie wherever its `iloc` box says,
 * usually inside `mdat`. Nothing is decoded; the boxes are walked.
 */
const BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);

/** The brands an `ftyp` box names, its major brand first; none for a file that does not start with one. */
function brandsOf(bytes: Uint8Array): string[] {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return [];
  const end = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0));
  const brands: string[] = [];
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) brands.push(ascii(bytes, at, 4));
  return brands;
}

/** A file whose `ftyp` box names a HEIF brand, as its major brand or a compatible one. */
export const isHeif = (bytes: Uint8Array): boolean => brandsOf(bytes).some((brand) => BRANDS.has(brand));

/**
 * A HEIF whose images are HEVC-coded (an iPhone's HEIC), not AV1 (an AVIF): what no browser the
 * extension runs in decodes, and what the extension's libheif (built with an HEVC decoder only) does.
 */
export const isHevcHeif = (bytes: Uint8Array): boolean => isHeif(bytes) && !brandsOf(bytes).some((brand) => brand === 'avif' || brand === 'avis');

/** Major brands of image sequences (an animated AVIF, a HEIF burst or live sequence). */
const SEQUENCE_BRANDS = new Set(['avis', 'msf1', 'hevc', 'hevx', 'hevm', 'hevs']);

/**
 * An image sequence: a browser decodes its first image only, as it does an APNG's, so the rest
 * goes unchecked. Only the major brand tells: a still AVIF may list sequence brands as compatible.
 */
export const isHeifSequence = (bytes: Uint8Array): boolean => SEQUENCE_BRANDS.has(ascii(bytes, 8, 4));

interface Box {
  type: string;
  start: number;
  /** Where the box's content starts, after its size and type. */
  body: number;
  end: number;
}

function boxes(view: DataView, from: number, to: number): Box[] {
  const found: Box[] = [];
  for (let at = from; at < to; ) {
    if (at + 8 > to) throw new Error('malformed HEIF');
    let size = view.getUint32(at);
    let body = at + 8;
    if (size === 1) {
      size = Number(view.getBigUint64(at + 8));
      body += 8;
    } else if (size === 0) size = to - at;
    if (size < body - at || at + size > to) throw new Error('truncated HEIF');
    found.push({ type: fields(view, at + 4).text(4), start: at, body, end: at + size });
    at += size;
  }
  return found;
}

/** A reader of big-endian unsigned fields of 0, 2, 4 or 8 bytes, moving along. */
function fields(view: DataView, at: number) {
  return {
    read(bytes: number): number {
      const value = bytes === 0 ? 0 : bytes === 2 ? view.getUint16(at) : bytes === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
      at += bytes;
      return value;
    },
    /** A null-terminated string (names and content types are ASCII). */
    string(): string {
      let value = '';
      for (let code = view.getUint8(at++); code !== 0; code = view.getUint8(at++)) value += String.fromCharCode(code);
      return value;
    },
    text(length: number): string {
      const value = ascii(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at, length);
      at += length;
      return value;
    },
  };
}

/** Metadata items by ID, from `iinf`'s item info entries (versions 2 and 3 name their type). */
function metadataItems(view: DataView, iinf: Box): Map<number, SegmentKind> {
  const kinds = new Map<number, SegmentKind>();
  const entries = boxes(view, iinf.body + 4 + (view.getUint8(iinf.body) === 0 ? 2 : 4), iinf.end);
  for (const infe of entries.filter((box) => box.type === 'infe')) {
    const version = view.getUint8(infe.body);
    if (version < 2) continue;
    const read = fields(view, infe.body + 4);
    const id = read.read(version === 2 ? 2 : 4);
    read.read(2); // protection index
    const type = read.text(4);
    read.string(); // item name
    if (type === 'Exif') kinds.set(id, 'exif');
    else if (type === 'mime' && read.string() === 'application/rdf+xml') kinds.set(id, 'xmp');
  }
  return kinds;
}

/** The metadata items' byte ranges in the file, from `iloc`. */
function locate(view: DataView, iloc: Box, kinds: Map<number, SegmentKind>): Segment[] {
  const version = view.getUint8(iloc.body);
  const read = fields(view, iloc.body + 4);
  const sizes = read.read(2);
  const [offsetSize, lengthSize, baseSize, indexSize] = [sizes >> 12, (sizes >> 8) & 15, (sizes >> 4) & 15, version > 0 ? sizes & 15 : 0];
  const segments: Segment[] = [];
  const count = read.read(version < 2 ? 2 : 4);
  for (let i = 0; i < count; i++) {
    const id = read.read(version < 2 ? 2 : 4);
    const method = version > 0 ? read.read(2) & 15 : 0;
    read.read(2); // data reference index
    const base = read.read(baseSize);
    const extents = read.read(2);
    const ranges = Array.from({ length: extents }, () => {
      read.read(indexSize);
      const offset = base + read.read(offsetSize);
      return { start: offset, end: offset + read.read(lengthSize) };
    });
    const kind = kinds.get(id);
    if (!kind) continue;
    // Metadata kept elsewhere than at file offsets (in `idat`, or built from other items) is not
    // something this reader can say it removed: such a file is left untouched.
    if (method !== 0) throw new Error('HEIF metadata item not stored at a file offset');
    for (const range of ranges) {
      if (range.end > view.byteLength || range.end < range.start) throw new Error('truncated HEIF');
      segments.push({ kind, ...range });
    }
  }
  return segments;
}

/**
 * The Exif and XMP items of a HEIF file, as byte ranges, and whole top-level boxes: a Samsung
 * motion photo's video (the seconds around the shot, as an MP4 in `mpvd`) and C2PA Content
 * Credentials (a `uuid` box). Throws on a malformed file.
 */
export function readHeifItems(bytes: Uint8Array): Segment[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const top = boxes(view, 0, bytes.length);
  const meta = top.find((box) => box.type === 'meta');
  if (!meta) throw new Error('HEIF without a meta box');
  const whole = top.flatMap(({ type, start, body, end }): Segment[] => {
    const box = { header: body - start };
    if (type === 'mpvd') return [{ kind: 'video', start, end, box }];
    if (type === 'uuid' && hex(bytes.subarray(body, body + 16)) === C2PA_UUID) return [{ kind: 'credentials', start, end, box }];
    return [];
  });
  const children = boxes(view, meta.body + 4, meta.end);
  const iinf = children.find((box) => box.type === 'iinf');
  const iloc = children.find((box) => box.type === 'iloc');
  if (!iinf || !iloc) return whole;
  return [...locate(view, iloc, metadataItems(view, iinf)), ...whole];
}

/** The user type of the `uuid` box in which C2PA puts Content Credentials in ISO media files. */
const C2PA_UUID = 'd8fec3d61b0e483c92975828877ec481';
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
