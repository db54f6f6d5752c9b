import { ascii, concat } from './bytes';
import type { Segment, SegmentKind } from './segments';

export const isGif = (bytes: Uint8Array) => ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a';

/** A GIF's blocks, the first being its header and global palette, and how many frames it has. */
export interface GifBlocks {
  segments: Segment[];
  frames: number;
}

const EXTENSION = 0x21;
const IMAGE = 0x2c;
const TRAILER = 0x3b;
const COMMENT = 0xfe;
const APPLICATION = 0xff;

/** Size of the colour table a GIF packed-fields byte announces, if any. */
const paletteSize = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);

/** Past the data sub-blocks starting at `at`: each is a length byte and that many bytes, until a 0. */
function skipSubBlocks(bytes: Uint8Array, at: number): number {
  while (at < bytes.length && bytes[at] !== 0) at += 1 + bytes[at]!;
  if (at >= bytes.length) throw new Error('truncated GIF');
  return at + 1;
}

/** The data of the sub-blocks starting at `at`, before `end`, joined: an image's LZW codes, a comment's text. */
export function joinSubBlocks(bytes: Uint8Array, at: number, end: number): Uint8Array {
  const parts: Uint8Array[] = [];
  while (at < end && bytes[at]) {
    parts.push(bytes.subarray(at + 1, at + 1 + bytes[at]!));
    at += 1 + bytes[at]!;
  }
  return concat(parts);
}

/** Application extensions that change how the GIF plays or looks: its loop count, its colour profile. */
const DISPLAY_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0', 'ICCRGBG1012']);

/**
 * Comment extensions and XMP (an application extension "XMP DataXMP", whose packet ends in a
 * "magic trailer" that makes it walk like sub-blocks) are metadata; other application extensions
 * than the loop count and colour profile are a program's own; everything else is the image.
 */
function extensionKind(bytes: Uint8Array, at: number): SegmentKind {
  const label = bytes[at + 1];
  if (label === COMMENT) return 'comment';
  if (label !== APPLICATION) return 'other';
  const application = bytes[at + 2] === 11 ? ascii(bytes, at + 3, 11) : '';
  if (application === 'XMP DataXMP') return 'xmp';
  return DISPLAY_APPLICATIONS.has(application) ? 'other' : 'private';
}

/** Walks a GIF's blocks. Throws on a truncated or malformed file. */
export function readGifBlocks(bytes: Uint8Array): GifBlocks {
  if (bytes.length < 13) throw new Error('truncated GIF');
  const header = 13 + paletteSize(bytes[10]!);
  const segments: Segment[] = [{ kind: 'other', start: 0, end: header }];
  let frames = 0;
  for (let at = header; ; ) {
    const introducer = bytes[at];
    let end: number;
    let kind: SegmentKind = 'other';
    if (introducer === TRAILER) {
      segments.push({ kind, start: at, end: at + 1 });
      return { segments, frames };
    } else if (introducer === EXTENSION && at + 2 < bytes.length) {
      kind = extensionKind(bytes, at);
      end = skipSubBlocks(bytes, at + 2);
    } else if (introducer === IMAGE && at + 10 < bytes.length) {
      frames++;
      // Descriptor (10 bytes), local palette, LZW code size, then the compressed data.
      end = skipSubBlocks(bytes, at + 10 + paletteSize(bytes[at + 9]!) + 1);
    } else throw new Error('truncated or malformed GIF');
    segments.push({ kind, start: at, end });
    at = end;
  }
}
