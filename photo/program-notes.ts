import { ascii, withoutTrailingNuls } from './bytes';
import type { EmbeddedDetails } from './details';
import type { StringTag } from './exif-tags';
import type { Segment } from './segments';

/**
 * What a program or camera wrote in a JPEG segment of its own, read as exiftool reads it: the
 * comment and copyright of Photoshop's "Save for Web" (APP12 "Ducky"), the date, model and serial
 * number of an old camera's "Picture Info" text (APP12), PhotoStudio's comment (APP10
 * "UNICODE"), a GoPro's serial number and model (APP6 "GoPro"). Put under the EXIF tag that says
 * the same, so that they read as EXIF would; what says nothing of the kind (a quality setting, an
 * exposure) is left out.
 */
export function readProgramNotes(bytes: Uint8Array, { start, end }: Segment): EmbeddedDetails['tags'] {
  const marker = bytes[start + 1];
  const body = bytes.subarray(start + 4, end);
  if (marker === 0xec) return { strings: ascii(body, 0, 5) === 'Ducky' ? ducky(body.subarray(5)) : pictureInfo(body) };
  if (marker === 0xea) return { strings: { UserComment: ucs2(body.subarray(8)) } };
  return { strings: goPro(body.subarray(6)) };
}

type Strings = Partial<Record<StringTag, string>>;

const ucs2 = (data: Uint8Array) => new TextDecoder('utf-16be').decode(data);
const latin1 = new TextDecoder('latin1');

/** Blocks of a 16-bit tag, a 16-bit length and the value; Comment (2) and Copyright (3) are a character count, then UCS-2. */
function ducky(data: Uint8Array): Strings {
  const strings: Strings = {};
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 0; at + 4 <= data.length; ) {
    const [tag, length] = [view.getUint16(at), view.getUint16(at + 2)];
    if (tag === 0 || at + 4 + length > data.length) break;
    const text = () => ucs2(data.subarray(at + 8, at + 4 + length));
    if (tag === 2) strings.UserComment = text();
    if (tag === 3) strings.Copyright = text();
    at += 4 + length;
  }
  return strings;
}

/** "[picture info]", then "Name=value" lines (CR/LF): read line by line, in one pass however long. */
const PICTURE_INFO_LINE = /^([\w#-]+)=([\x20-\x7e]+)$/;
const PICTURE_INFO_TAGS: Record<string, StringTag> = { TimeDate: 'DateTimeOriginal', Type: 'Model', 'Serial#': 'BodySerialNumber' };

function pictureInfo(body: Uint8Array): Strings {
  const strings: Strings = {};
  for (const line of latin1.decode(body).split(/[\r\n\0]+/)) {
    const [, name = '', value = ''] = PICTURE_INFO_LINE.exec(line.trim()) ?? [];
    const tag = PICTURE_INFO_TAGS[name];
    if (tag) strings[tag] = tag === 'DateTimeOriginal' ? pictureInfoDate(value) : value.trim();
  }
  return strings;
}

/** Seconds since 1970 (some cameras) or written out; a number no date can hold is left as written. */
function pictureInfoDate(value: string): string {
  const date = /^\d+$/.test(value) ? new Date(Number(value) * 1000) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : value.trim();
}

const GOPRO_TAGS: Record<string, StringTag> = { CASN: 'BodySerialNumber', MINF: 'Model' };
const CONTAINER = 0;
const TEXT = 0x63; // 'c'

/** GPMF nests a device's streams in the device (DEVC, STRM…): a few levels, never more. */
const MAX_DEPTH = 4;

/** GPMF: a four-letter key, a type, a sample size and count, the values padded to four bytes; type 0 nests. */
function goPro(data: Uint8Array, strings: Strings = {}, depth = 0): Strings {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 0; at + 8 <= data.length; ) {
    const key = ascii(data, at, 4);
    const length = data[at + 5]! * view.getUint16(at + 6);
    if (key === '\0\0\0\0' || at + 8 + length > data.length) break;
    const value = data.subarray(at + 8, at + 8 + length);
    if (data[at + 4] === CONTAINER && depth < MAX_DEPTH) goPro(value, strings, depth + 1);
    const tag = GOPRO_TAGS[key];
    if (tag && data[at + 4] === TEXT) strings[tag] = latin1.decode(withoutTrailingNuls(value));
    at += 8 + Math.ceil(length / 4) * 4;
  }
  return strings;
}
