import { ascii } from './bytes';
import type { SegmentKind } from './segments';

/** What an APP2 segment holding (a chunk of) an ICC colour profile starts with. */
export const ICC_IDENTIFIER = 'ICC_PROFILE\0';

/**
 * What a JPEG marker segment holds, told by its marker and the identifier its content starts with,
 * as exiftool (the reference) tells them: the standard identifiers, and those some cameras and
 * programs wrote instead, under which exiftool reads the same EXIF, XMP or notes.
 */
export function jpegKind(bytes: Uint8Array, marker: number, body: number, end: number): SegmentKind {
  if (marker === 0xe1 && exifTiffAt(bytes, body) !== null) return 'exif';
  if (marker === 0xe1 && isXmp(bytes, body, end)) return 'xmp';
  if (marker === 0xed) return 'iptc'; // Photoshop IRB: IPTC, thumbnails, captions
  if (marker === 0xe2 && ascii(bytes, body, ICC_IDENTIFIER.length) === ICC_IDENTIFIER) return 'icc';
  if (marker === 0xfe) return 'comment';
  // JUMBF boxes: C2PA Content Credentials, whose assertions can carry the EXIF, the author, the edits.
  if (marker === 0xeb && ascii(bytes, body, 2) === 'JP') return 'credentials';
  // Photoshop's "Save for Web" note and old cameras' "Picture Info" text (APP12), PhotoStudio's
  // comment (APP10), a GoPro's own record (APP6): read for what they say (see program-notes.ts).
  if (marker === 0xec || (marker === 0xea && ascii(bytes, body, 8) === 'UNICODE\0') || (marker === 0xe6 && ascii(bytes, body, 6) === 'GoPro\0')) return 'notes';
  // Of the other application segments, a decoder needs JFIF's header and Adobe's colour transform.
  if ((marker === 0xe0 && ascii(bytes, body, 5) === 'JFIF\0') || (marker === 0xee && ascii(bytes, body, 5) === 'Adobe')) return 'other';
  // The rest is a maker's or a program's own: a phone's debug block, a thumbnail, the
  // multi-picture index of the images appended after this one.
  if (marker >= 0xe0 && marker <= 0xef) return 'private';
  return 'other';
}

/**
 * Where the TIFF block of an APP1 EXIF segment starts: after "Exif\0" and one more byte, which is
 * "\0" but for a few Kodak cameras, and up to four stray bytes before it (exiftool's rule); null
 * when the segment is not EXIF.
 */
export function exifTiffAt(bytes: Uint8Array, body: number): number | null {
  for (let stray = 0; stray <= 4; stray++) if (ascii(bytes, body + stray, 5) === 'Exif\0') return body + stray + 6;
  return null;
}

/** APP1 XMP: after its namespace header, after an old "XMP\0" one, or a bare packet (exiftool's rule). */
function isXmp(bytes: Uint8Array, body: number, end: number): boolean {
  const head = ascii(bytes, body, 4);
  if (head === 'http' || head === 'XMP\0') return true;
  const text = new TextDecoder('latin1').decode(bytes.subarray(body, end));
  return text.includes('<?xpacket') || text.includes('<exif:');
}
