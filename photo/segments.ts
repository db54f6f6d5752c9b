import { ascii } from './bytes';
import { isGif, readGifBlocks } from './gif';
import { isHeif, isHeifSequence, readHeifItems } from './heif';
import { jpegKind } from './jpeg-kinds';
import { isTiff, readTiffSegments } from './tiff';

/**
 * The metadata-bearing parts of JPEG, PNG, WebP, HEIF, GIF and TIFF files (a BMP has none), found by walking their
 * container structure (no pixel decoding). Used to say what a photo carries and to remove it losslessly.
 */
export type Format = 'jpeg' | 'png' | 'webp' | 'heif' | 'gif' | 'tiff' | 'bmp';

/**
 * `notes`: a program's or camera's own segment that says something in its own way (see
 * program-notes.ts); `private`: one that says nothing readable to a person, a maker's block, an
 * index; both go when stripped.
 */
export type SegmentKind = 'exif' | 'xmp' | 'iptc' | 'comment' | 'text' | 'time' | 'icc' | 'credentials' | 'video' | 'notes' | 'private' | 'other';

export interface Segment {
  kind: SegmentKind;
  /** Byte range of the whole segment/chunk, header included (HEIF: of the item's data, or of a whole box). */
  start: number;
  end: number;
  /** HEIF: the segment is a whole top-level box, whose size and type take `header` bytes. */
  box?: { header: number };
}

export interface Container {
  format: Format;
  segments: Segment[];
  /** JPEG: where the entropy-coded scan starts (kept verbatim); other formats: unused (0). */
  scanStart: number;
  /**
   * More than one frame (a GIF, an APNG, an animated WebP or AVIF): a browser decodes, and so the detector
   * sees, only the first.
   */
  animated: boolean;
  /** A GIF's frames, counted (other formats' are not). */
  frames?: number;
  /** JPEG: the size its frame header gives, as stored (before any EXIF rotation). */
  size?: { width: number; height: number };
  /** JPEG: just past its image's EOI, where anything appended starts; null for a file cut short. */
  imageEnd?: number | null;
}

function detectFormat(bytes: Uint8Array): Format | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (isHeif(bytes)) return 'heif';
  if (isGif(bytes)) return 'gif';
  if (isTiff(bytes)) return 'tiff';
  if (isBmp(bytes)) return 'bmp';
  return null;
}

/** A Windows bitmap: "BM", then a header of one of the sizes its versions define. */
const isBmp = (bytes: Uint8Array) =>
  ascii(bytes, 0, 2) === 'BM' && bytes.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(new DataView(bytes.buffer, bytes.byteOffset).getUint32(14, true));

/** Throws on a truncated or malformed file: such a file is passed on untouched, never rewritten. */
export function readContainer(bytes: Uint8Array): Container {
  const format = detectFormat(bytes);
  if (format === 'jpeg') return readJpeg(bytes);
  if (format === 'png') return readPng(bytes);
  if (format === 'webp') return readWebp(bytes);
  if (format === 'heif') return { format, segments: readHeifItems(bytes), scanStart: 0, animated: isHeifSequence(bytes) };
  if (format === 'gif') {
    const { segments, frames } = readGifBlocks(bytes);
    return { format, segments, scanStart: 0, animated: frames > 1, frames };
  }
  if (format === 'tiff') return { format, segments: readTiffSegments(bytes), scanStart: 0, animated: false };
  if (format === 'bmp') return { format, segments: [], scanStart: 0, animated: false };
  throw new Error('not a JPEG, PNG, WebP, HEIF, GIF, TIFF or BMP file');
}

/** The most stray bytes skipped between two JPEG segments. */
const MAX_PADDING = 1024;

/**
 * Past the zeros some cameras and programs leave between two segments, which decoders skip with a
 * warning, as exiftool does. Anything else there (a segment whose length is wrong, landing inside
 * its data) is no padding: the file is not walked further, so that nothing is guessed.
 */
function pastPadding(bytes: Uint8Array, at: number): number {
  const next = bytes.subarray(at, at + MAX_PADDING).indexOf(0xff);
  if (next === -1 || bytes.subarray(at, at + next).some((byte) => byte !== 0)) throw new Error('truncated or malformed JPEG');
  return at + next;
}

/** Start-of-frame markers: SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function readJpeg(bytes: Uint8Array): Container {
  const segments: Segment[] = [];
  let size: Container['size'];
  let at = 2;
  for (;;) {
    if (bytes[at] !== 0xff) at = pastPadding(bytes, at);
    if (at + 4 > bytes.length) throw new Error('truncated or malformed JPEG');
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) throw new Error('truncated or malformed JPEG');
    if (marker === 0xda) {
      const imageEnd = jpegImageEnd(bytes, at);
      return { format: 'jpeg', segments: [...segments, ...appendedVideo(bytes, imageEnd)], scanStart: at, animated: false, imageEnd, ...(size && { size }) };
    }
    if (isStartOfFrame(marker) && length >= 7) size = { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    segments.push({ kind: jpegKind(bytes, marker, at + 4, at + 2 + length), start: at, end: at + 2 + length });
    at += 2 + length;
  }
}

/** Just past the EOI marker of a JPEG's main image (a marker never occurs inside the scan), or null for a file cut short. */
function jpegImageEnd(bytes: Uint8Array, scanStart: number): number | null {
  for (let at = bytes.indexOf(0xd9, scanStart + 1); at !== -1; at = bytes.indexOf(0xd9, at + 1)) if (bytes[at - 1] === 0xff) return at + 1;
  return null;
}

/**
 * A video after the end of the image: a phone's "motion photo" (Google, Samsung) carries the
 * seconds around the shot, sound included, as an MP4 appended to the JPEG, sometimes after other
 * appended images. It is found by the MP4's first box, `ftyp`, and runs to the end of the file.
 */
function appendedVideo(bytes: Uint8Array, imageEnd: number | null): Segment[] {
  if (imageEnd === null) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.indexOf(0x66, imageEnd + 4); at !== -1 && at + 8 <= bytes.length; at = bytes.indexOf(0x66, at + 1)) {
    if (ascii(bytes, at, 4) !== 'ftyp' || !/^[ -~]{4}$/.test(ascii(bytes, at + 4, 4))) continue;
    const size = view.getUint32(at - 4);
    if (size >= 16 && size <= 1024) return [{ kind: 'video', start: at - 4, end: bytes.length }];
  }
  return [];
}

const PNG_KINDS: Record<string, SegmentKind> = {
  tEXt: 'text',
  iTXt: 'text',
  zTXt: 'text',
  eXIf: 'exif',
  tIME: 'time',
  iCCP: 'icc',
  caBX: 'credentials',
  tXMP: 'xmp', // where a 2001 draft of XMP put it; exiftool still reads it
};

/** Ancillary chunks that change how the image looks (transparency, colour, density, animation). */
const PNG_DISPLAY = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

/** Critical chunks (an upper-case first letter) and display ones stay; any other is a program's own. */
const pngOther = (type: string): SegmentKind => (type[0]! < 'a' || PNG_DISPLAY.has(type) ? 'other' : 'private');

function readPng(bytes: Uint8Array): Container {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const segments: Segment[] = [];
  let animated = false;
  for (let at = 8; ; ) {
    if (at + 12 > bytes.length) throw new Error('truncated PNG');
    const end = at + 12 + view.getUint32(at);
    if (end > bytes.length) throw new Error('truncated PNG');
    const type = ascii(bytes, at + 4, 4);
    // An iTXt chunk holding XMP is XMP, whatever else it says.
    const kind = type === 'iTXt' && ascii(bytes, at + 8, 17) === 'XML:com.adobe.xmp' ? 'xmp' : (PNG_KINDS[type] ?? pngOther(type));
    segments.push({ kind, start: at, end });
    // APNG: an animation control chunk; a still PNG viewer shows the default image only.
    if (type === 'acTL') animated = true;
    if (type === 'IEND') return { format: 'png', segments, scanStart: 0, animated };
    at = end;
  }
}

const WEBP_KINDS: Record<string, SegmentKind> = { EXIF: 'exif', 'XMP ': 'xmp', ICCP: 'icc', C2PA: 'credentials' };
/** The chunks a WebP image is made of; any other is a program's own. */
const WEBP_IMAGE = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF']);

function readWebp(bytes: Uint8Array): Container {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > bytes.length) throw new Error('truncated WebP');
  const segments: Segment[] = [];
  let animated = false;
  for (let at = 12; at < riffEnd; ) {
    if (at + 8 > riffEnd) throw new Error('malformed WebP');
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    if (end > riffEnd) throw new Error('truncated WebP');
    const type = ascii(bytes, at, 4);
    if (type === 'ANIM') animated = true;
    segments.push({ kind: WEBP_KINDS[type] ?? (WEBP_IMAGE.has(type) ? 'other' : 'private'), start: at, end });
    at = end;
  }
  return { format: 'webp', segments, scanStart: 0, animated };
}
