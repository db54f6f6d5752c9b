import type { Segment } from './segments';

/**
 * TIFF files (a scanner's or a raw converter's export, which Facebook accepts): no browser decodes
 * them, but their tags say where, when, with what and by whom as a JPEG's EXIF does — a TIFF's
 * EXIF is the file itself. Only classic TIFF (not BigTIFF) is read.
 */
export const isTiff = (bytes: Uint8Array) =>
  bytes.length >= 8 && ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 42 && bytes[3] === 0) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 42));

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
const XMP = 700;
const IPTC = 33723;
const PHOTOSHOP = 34377;
/** Tags whose value is another directory of metadata: EXIF, GPS, interoperability. */
const POINTERS = new Set([34665, 34853, 40965]);
/** The directories of an image's other versions (a DNG's raw image, reduced sizes): images, kept. */
const SUB_IMAGES = 330;
const [STRIP_OFFSETS, STRIP_COUNTS, TILE_OFFSETS, TILE_COUNTS] = [273, 279, 324, 325];

/**
 * What a stripped TIFF keeps: the tags a decoder needs to show the image as it was — its layout,
 * colours (the ICC profile too), resolution, orientation and sub-images. The rest (camera, dates, names,
 * descriptions, XMP, IPTC, Photoshop's resources and layers, EXIF and GPS) goes.
 */
const KEPT_TAGS = new Set([
  254, 255, 256, 257, 258, 259, 262, 263, 264, 265, 266, 273, 274, 277, 278, 279, 280, 281, 282, 283, 284, 286, 287, 290, 291, 292, 293,
  296, 297, 301, 317, 318, 319, 320, 321, 322, 323, 324, 325, 330, 332, 334, 336, 338, 339, 340, 341, 347, 512, 513, 514, 515, 517, 518, 519,
  520, 521, 529, 530, 531, 532, 34675,
]);

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Where its 12 bytes are in the file. */
  at: number;
  /** Where its value is, and how long: within the entry when at most 4 bytes. */
  value: { start: number; end: number };
  inline: boolean;
}

interface Directory {
  start: number;
  entries: Entry[];
}

/** A classic TIFF's structure, read without decoding its image. Throws when malformed. */
class TiffReader {
  private readonly view: DataView;
  private readonly little: boolean;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.little = bytes[0] === 0x49;
  }
  u16 = (at: number) => this.view.getUint16(at, this.little);
  u32 = (at: number) => this.view.getUint32(at, this.little);
  set16 = (out: Uint8Array, at: number, value: number) => new DataView(out.buffer, out.byteOffset).setUint16(at, value, this.little);
  set32 = (out: Uint8Array, at: number, value: number) => new DataView(out.buffer, out.byteOffset).setUint32(at, value, this.little);

  directory(start: number): Directory {
    const count = this.u16(start);
    if (start + 6 + count * 12 > this.bytes.length) throw new Error('truncated TIFF directory');
    const entries = Array.from({ length: count }, (_, i) => {
      const at = start + 2 + i * 12;
      const [type, count] = [this.u16(at + 2), this.u32(at + 4)];
      const size = (TYPE_SIZES[type] ?? 1) * count;
      const inline = size <= 4;
      const first = inline ? at + 8 : this.u32(at + 8);
      if (first + size > this.bytes.length) throw new Error('TIFF value past the end of the file');
      return { tag: this.u16(at), type, count, at, value: { start: first, end: first + size }, inline };
    });
    return { start, entries };
  }

  /** The numbers an entry holds (offsets, counts, pointers): SHORT or LONG. */
  numbers({ type, count, value }: Entry): number[] {
    return Array.from({ length: count }, (_, i) => (type === 3 ? this.u16(value.start + i * 2) : this.u32(value.start + i * 4)));
  }

  /**
   * The image directories: the main chain (the image, then any further pages or thumbnail) and,
   * with `subImages`, the directories they point to as other versions of themselves.
   */
  chain(subImages = false): Directory[] {
    const seen = new Set<number>();
    const chain: Directory[] = [];
    const follow = (first: number, depth: number) => {
      for (let at = first; at && !seen.has(at) && chain.length < 64; ) {
        seen.add(at);
        const directory = this.directory(at);
        chain.push(directory);
        const sub = subImages && depth < 2 ? directory.entries.find((entry) => entry.tag === SUB_IMAGES) : undefined;
        if (sub) for (const start of this.numbers(sub)) follow(start, depth + 1);
        at = this.u32(at + 2 + directory.entries.length * 12);
      }
    };
    follow(this.u32(4), 0);
    if (!chain.length) throw new Error('TIFF without an image directory');
    return chain;
  }
}

/**
 * The metadata a TIFF holds, as segments: the file itself as its EXIF (its tags are EXIF's), and
 * the values of its XMP and IPTC tags (Photoshop's resources hold IPTC too).
 */
export function readTiffSegments(bytes: Uint8Array): Segment[] {
  const reader = new TiffReader(bytes);
  const segments: Segment[] = [{ kind: 'exif', start: 0, end: bytes.length }];
  for (const { entries } of reader.chain()) {
    for (const { tag, value } of entries) {
      if (tag === XMP) segments.push({ kind: 'xmp', ...value });
      if (tag === IPTC || tag === PHOTOSHOP) segments.push({ kind: 'iptc', ...value });
    }
  }
  return segments;
}

type Range = { start: number; end: number };

/**
 * A TIFF without its metadata, keeping its length so that no offset in it changes: every
 * directory of the main chain keeps only `KEPT_TAGS`, and what the others pointed at (their
 * values, the EXIF and GPS directories and theirs) is zeroed where it lies, except bytes a kept
 * tag or the image data still use. The image data is not touched.
 */
export function blankTiff(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const reader = new TiffReader(bytes);
  const out = bytes.slice();
  const kept: Range[] = [{ start: 0, end: 8 }];
  const dropped: Range[] = [];
  /** A removed directory and everything it points at. */
  const drop = (start: number, depth: number) => {
    if (depth > 4) return;
    const directory = reader.directory(start);
    dropped.push({ start, end: start + 6 + directory.entries.length * 12 });
    for (const entry of directory.entries) {
      if (!entry.inline) dropped.push(entry.value);
      if (POINTERS.has(entry.tag)) for (const at of reader.numbers(entry)) drop(at, depth + 1);
    }
  };
  for (const directory of reader.chain(true)) {
    const keep = directory.entries.filter((entry) => KEPT_TAGS.has(entry.tag));
    const next = reader.u32(directory.start + 2 + directory.entries.length * 12);
    kept.push({ start: directory.start, end: directory.start + 6 + directory.entries.length * 12 });
    for (const entry of directory.entries) {
      if (!keep.includes(entry)) {
        if (!entry.inline) dropped.push(entry.value);
        if (POINTERS.has(entry.tag)) for (const at of reader.numbers(entry)) drop(at, 1);
        continue;
      }
      if (!entry.inline) kept.push(entry.value);
      const data = entry.tag === STRIP_OFFSETS ? STRIP_COUNTS : entry.tag === TILE_OFFSETS ? TILE_COUNTS : 0;
      const counts = data && directory.entries.find((e) => e.tag === data);
      const lengths = counts ? reader.numbers(counts) : [];
      if (counts) reader.numbers(entry).forEach((at, i) => kept.push({ start: at, end: at + (lengths[i] ?? 0) }));
    }
    // The directory rewritten in place: its kept entries, the pointer to the next, zeros after.
    const table = directory.start + 2;
    out.fill(0, table, table + directory.entries.length * 12 + 4);
    reader.set16(out, directory.start, keep.length);
    keep.forEach((entry, i) => out.set(bytes.subarray(entry.at, entry.at + 12), table + i * 12));
    reader.set32(out, table + keep.length * 12, next);
  }
  for (const range of dropped) zeroOutside(out, range, kept);
  return out;
}

/** Zeros `range` in `out` but for the parts of it that overlap `kept`. */
function zeroOutside(out: Uint8Array, range: Range, kept: Range[]): void {
  const overlapping = kept.filter((k) => k.start < range.end && k.end > range.start).sort((a, b) => a.start - b.start);
  let from = range.start;
  for (const k of overlapping) {
    if (k.start > from) out.fill(0, from, k.start);
    from = Math.max(from, k.end);
  }
  if (from < range.end) out.fill(0, from, range.end);
}
