import { ascii } from './bytes';
import type { EmbeddedDetails } from './details';
import { readable } from './details';
import type { StringTag } from './exif-tags';
import type { Format, Segment } from './segments';

/**
 * A comment or text note as a person would read it: a JPEG's COM segment, a GIF's comment
 * extension, a PNG's tEXt or iTXt chunk ("keyword: text"; a compressed one, zTXt or iTXt, gives
 * its keyword only). PNG's standard keywords say what EXIF tags say, and are read as those too.
 */

const PNG_AS_EXIF: Record<string, StringTag> = {
  Author: 'Artist',
  Copyright: 'Copyright',
  Software: 'Software',
  Description: 'ImageDescription',
  Comment: 'UserComment',
  'Creation Time': 'CreateDate',
};

const utf8 = new TextDecoder();
const latin1 = new TextDecoder('latin1');

/** A GIF extension's data: sub-blocks, each after its length byte, up to an empty one. */
function subBlocks(bytes: Uint8Array, at: number, end: number): Uint8Array {
  const parts: number[] = [];
  for (let size = bytes[at]!; size > 0 && at + 1 + size <= end; at += 1 + size, size = bytes[at]!) parts.push(...bytes.subarray(at + 1, at + 1 + size));
  return new Uint8Array(parts);
}

function pngNote(data: Uint8Array, type: string): { keyword: string; text?: string } {
  const nul = data.indexOf(0);
  if (nul < 0) return { keyword: '' };
  const keyword = latin1.decode(data.subarray(0, nul));
  if (type === 'tEXt') return { keyword, text: latin1.decode(data.subarray(nul + 1)) };
  // iTXt: compression flag and method, language tag, translated keyword, then UTF-8 text.
  if (type !== 'iTXt' || data[nul + 1] !== 0) return { keyword };
  const language = data.indexOf(0, nul + 3);
  const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
  return translated < 0 ? { keyword } : { keyword, text: utf8.decode(data.subarray(translated + 1)) };
}

/** What a comment or text note says (one line, cut when long). */
export function readNote(bytes: Uint8Array, format: Format, { start, end }: Segment): EmbeddedDetails {
  if (format === 'png') {
    const { keyword, text } = pngNote(bytes.subarray(start + 8, end - 4), ascii(bytes, start + 4, 4)); // length, type; CRC last
    const tag = PNG_AS_EXIF[keyword];
    const line = readable(text === undefined ? keyword : `${keyword}: ${text}`);
    return { tags: { strings: tag && text ? { [tag]: readable(text) } : {} }, named: line ? [line] : [] };
  }
  const data = format === 'gif' ? subBlocks(bytes, start + 2, end) : bytes.subarray(start + 4, end); // GIF: introducer, label; JPEG: marker, length
  const line = readable(utf8.decode(data));
  return { tags: { strings: {} }, named: line ? [line] : [] };
}
