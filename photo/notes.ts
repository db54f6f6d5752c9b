import type { EmbeddedDetails } from './details';
import { readable } from './details';
import { readExifTags, type StringTag, tiffBlock } from './exif-tags';
import { joinSubBlocks } from './gif';
import type { PngNote } from './png-text';
import type { Format, Segment } from './segments';
import { readXmp } from './xmp';

/**
 * A comment or text note as a person would read it: a JPEG's COM segment, a GIF's comment
 * extension, a PNG's text chunk ("keyword: text"). PNG's standard keywords say what EXIF tags
 * say, and are read as those too; so is the EXIF or XMP that ImageMagick keeps, hex-encoded, in a
 * "Raw profile type exif" (or "APP1", "xmp") note when it converts a photo to PNG.
 */

const PNG_AS_EXIF: Record<string, StringTag> = {
  Author: 'Artist',
  Copyright: 'Copyright',
  Software: 'Software',
  Description: 'ImageDescription',
  Comment: 'UserComment',
  'Creation Time': 'CreateDate',
};

const RAW_PROFILE = /^Raw profile type (exif|APP1|xmp)$/i;

const utf8 = new TextDecoder();

/** ImageMagick's raw profile: "\n<name>\n<length>\n" then the bytes in hex, in lines. */
function rawProfile(text: string): Uint8Array {
  const [, length, hex] = /^\s*\S+\s+(\d+)\s+([\s\S]*)$/.exec(text) ?? [];
  const digits = (hex ?? '').replace(/\s+/g, '');
  if (!length || !/^[0-9a-f]*$/i.test(digits) || digits.length < 2 * Number(length)) throw new Error('malformed raw profile');
  return Uint8Array.from({ length: Number(length) }, (_, i) => parseInt(digits.slice(2 * i, 2 * i + 2), 16));
}

function profileDetails(kind: string, text: string): EmbeddedDetails['tags'] {
  const profile = rawProfile(text);
  if (kind.toLowerCase() === 'xmp') return readXmp(utf8.decode(profile)).tags;
  return readExifTags(tiffBlock(profile));
}

function pngNoteDetails({ keyword, text }: PngNote): EmbeddedDetails {
  const profile = RAW_PROFILE.exec(keyword);
  if (profile && text !== undefined) return { tags: profileDetails(profile[1]!, text), named: [keyword] };
  const tag = PNG_AS_EXIF[keyword];
  const line = readable(text === undefined ? keyword : `${keyword}: ${text}`);
  return { tags: { strings: tag && text ? { [tag]: text } : {} }, named: line ? [line] : [] }; // put on one line where tags are read
}

/** What a comment or text note says (one line, cut when long); a PNG's notes come read (see `readPngNotes`). */
export function readNote(bytes: Uint8Array, format: Format, { start, end }: Segment, pngNote?: PngNote): EmbeddedDetails {
  if (format === 'png') return pngNote ? pngNoteDetails(pngNote) : { tags: { strings: {} }, named: [] };
  const data = format === 'gif' ? joinSubBlocks(bytes, start + 2, end) : bytes.subarray(start + 4, end); // GIF: introducer, label; JPEG: marker, length
  const line = readable(utf8.decode(data));
  return { tags: { strings: {} }, named: line ? [line] : [] };
}
