import { appendedImages } from './appended-images';
import { type EmbeddedDetails, readable } from './details';
import { type ExifTags, readExifTags, type StringTag, tiffBlock } from './exif-tags';
import { readIptc, readTiffIptc } from './iptc';
import { exifTiffAt } from './jpeg-kinds';
import { readNote } from './notes';
import { type PngNote, readPngNotes } from './png-text';
import { readProgramNotes } from './program-notes';
import { holdsRdf, readXmp } from './xmp';
import { type Container, type Format, readContainer, type Segment, type SegmentKind } from './segments';

/** The vocabulary of the overlay's and popup's `data-metadata` attribute, in display order. */
export const METADATA_KINDS = ['gps', 'datetime', 'camera', 'serial', 'owner', 'software', 'xmp', 'iptc', 'comment', 'text', 'credentials', 'video'] as const;
export type MetadataKind = (typeof METADATA_KINDS)[number];

export interface MetadataFinding {
  kind: MetadataKind;
  /** The value found, for the plain-words line ("48.85837° N, 2.29448° E"); empty when only its presence is known. */
  value: string;
}

export interface PhotoMetadata {
  findings: MetadataFinding[];
  /** EXIF orientation 1–8 (1 when absent): what a viewer applies, and what stripping keeps. */
  orientation: number;
  format: Format;
  /** More than one frame (a browser decodes only the first; the detector reads a GIF's frames itself). */
  animated: boolean;
  /** A GIF's frames, counted. */
  frames?: number;
}

const coordinate = (value: number, positive: string, negative: string) =>
  `${Math.abs(value).toFixed(5)}° ${value >= 0 ? positive : negative}`;

/** EXIF dates are "2017:10:31 20:16:18", XMP's "2017-10-31T20:16:18.25+02:00": both read "2017-10-31 20:16:18". */
const readableDate = (value: string) =>
  value.replace(/^(\d{4})[:-](\d{2})[:-](\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?.*$/, (_, y, m, d, time?: string) => `${y}-${m}-${d}${time ? ` ${time}` : ''}`);

/** What the EXIF tags (or what XMP and IPTC say in their stead) reveal about where, when, with what and by whom. */
function tagFindings({ strings, latitude, longitude }: EmbeddedDetails['tags']): MetadataFinding[] {
  const first = (names: StringTag[]) => names.map((n) => strings[n]).find(Boolean) ?? '';
  const found: MetadataFinding[] = [];
  const add = (kind: MetadataKind, value: string) => {
    const line = readable(value); // a file's text, on one line
    if (line) found.push({ kind, value: line });
  };
  if (latitude !== undefined && longitude !== undefined) {
    add('gps', `${coordinate(latitude, 'N', 'S')}, ${coordinate(longitude, 'E', 'W')}`);
  }
  add('datetime', readableDate(first(['DateTimeOriginal', 'CreateDate', 'ModifyDate'])));
  add('camera', [strings.Make, strings.Model].filter(Boolean).join(' ') || first(['LensModel']));
  add('serial', first(['BodySerialNumber', 'LensSerialNumber']));
  add('owner', first(['CameraOwnerName', 'Artist', 'Copyright']));
  add('software', first(['Software', 'HostComputer']));
  add('comment', first(['UserComment', 'ImageDescription']));
  return found;
}

/** The TIFF block inside an EXIF segment or chunk. */
function tiffOf(bytes: Uint8Array, { format }: Container, segment: Segment): Uint8Array {
  if (format === 'tiff') return bytes; // a TIFF's tags are its EXIF
  if (format === 'jpeg') return bytes.subarray(exifTiffAt(bytes, segment.start + 4)!, segment.end); // past marker, length, "Exif\0\0"
  if (format === 'heif') {
    // The item starts with the offset of the TIFF header from its fifth byte (past "Exif\0\0").
    const skip = new DataView(bytes.buffer, bytes.byteOffset + segment.start, 4).getUint32(0);
    return bytes.subarray(segment.start + 4 + skip, segment.end);
  }
  return tiffBlock(bytes.subarray(segment.start + 8, format === 'png' ? segment.end - 4 : segment.end));
}

const PRESENCE: Partial<Record<SegmentKind, MetadataKind>> = {
  xmp: 'xmp',
  iptc: 'iptc',
  comment: 'comment',
  text: 'text',
  time: 'datetime',
  credentials: 'credentials',
  video: 'video',
};

const utf8 = new TextDecoder();
const ADDING_UP = new Set<MetadataKind>(['xmp', 'iptc', 'comment', 'text']);

/**
 * What one segment says, in findings: an XMP packet or IPTC block also what its fields tell
 * (EXIF's details, where EXIF lacks them, and the names it holds), a comment or text note its text.
 */
function segmentFindings(bytes: Uint8Array, { format }: Container, segment: Segment, pngNotes: Map<number, PngNote>): MetadataFinding[] {
  // A program's own notes count only for what they say: Photoshop writes its quality setting in every "Save for Web".
  if (segment.kind === 'notes') return tagFindings(readProgramNotes(bytes, segment)); // reads within bounds, never throws
  const kind = PRESENCE[segment.kind];
  if (!kind) return [];
  const details = (read: () => EmbeddedDetails) => {
    try {
      const { tags, named } = read();
      return [...tagFindings(tags), { kind, value: named.join(' · ') }];
    } catch {
      return [{ kind, value: '' }]; // damaged: still there, saying nothing reliable
    }
  };
  const { start, end } = segment;
  if (segment.kind === 'xmp') {
    const packet = utf8.decode(bytes.subarray(start, end));
    // A packet without RDF says nothing: it is what stripping leaves of a HEIF file's XMP item.
    return holdsRdf(packet) ? details(() => readXmp(packet)) : [];
  }
  if (segment.kind === 'iptc') return details(() => (format === 'tiff' ? readTiffIptc(bytes.subarray(start, end)) : readIptc(bytes.subarray(start + 4, end))));
  if (segment.kind === 'comment' || segment.kind === 'text') return details(() => readNote(bytes, format, segment, pngNotes.get(start)));
  return [{ kind, value: '' }];
}

/**
 * What a photo's metadata reveals. Throws when the file is not a JPEG, PNG, WebP, HEIF, GIF, TIFF or BMP it can walk:
 * the caller reports "couldn't check" and never rewrites such a file.
 */
export async function readMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  const container = readContainer(bytes);
  const { found, orientation } = await imageFindings(bytes, container);
  // An image appended to this one (a camera's preview) may say where and when too. A packet that
  // names nothing is left out there: a phone's HDR gain map carries one describing only itself.
  for (const image of appendedImages(bytes, container)) {
    for (const finding of (await imageFindings(image.bytes, image.container)).found) if (finding.value) addFinding(found, finding);
  }
  return {
    findings: METADATA_KINDS.flatMap((kind) => found.filter((f) => f.kind === kind)),
    orientation: orientation >= 1 && orientation <= 8 ? orientation : 1,
    format: container.format,
    animated: container.animated,
    ...(container.frames !== undefined && { frames: container.frames }),
  };
}

/**
 * One finding per kind: the first found, a later one filling in a value still missing; names and
 * notes from several segments (two comments, PNG's text chunks) add up.
 */
function addFinding(found: MetadataFinding[], { kind, value }: MetadataFinding): void {
  const same = found.find((f) => f.kind === kind);
  if (!same) found.push({ kind, value });
  else if (!same.value) same.value = value;
  else if (ADDING_UP.has(kind) && value && !same.value.includes(value)) same.value = readable(`${same.value} · ${value}`, 240);
}

const NO_TAGS: ExifTags = { strings: {}, orientation: 1 };

/**
 * What one image's own metadata says: its EXIF blocks' first (a file may hold more than one, and
 * exiftool reads them all; the orientation is the first's), then each segment's in file order.
 */
async function imageFindings(bytes: Uint8Array, container: Container): Promise<{ found: MetadataFinding[]; orientation: number }> {
  const [first = NO_TAGS, ...others] = container.segments.filter((s) => s.kind === 'exif').map((exif) => exifTags(bytes, container, exif));
  const found = tagFindings(first);
  for (const tags of others) for (const finding of tagFindings(tags)) addFinding(found, finding);
  const pngNotes = await readPngNotes(bytes, container);
  for (const segment of container.segments) for (const finding of segmentFindings(bytes, container, segment, pngNotes)) addFinding(found, finding);
  return { found, orientation: first.orientation };
}

function exifTags(bytes: Uint8Array, container: Container, exif: Segment): ExifTags {
  try {
    return readExifTags(tiffOf(bytes, container, exif));
  } catch {
    return NO_TAGS; // a damaged EXIF block says nothing reliable; what else the file holds is still listed
  }
}
