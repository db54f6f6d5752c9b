import { ascii } from './bytes';
import { type ExifTags, readExifTags, type StringTag } from './exif-tags';
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

/** EXIF dates are "2017:10:31 20:16:18". */
const readableDate = (value: string) => value.replace(/^(\d{4}):(\d{2}):(\d{2})/, '$1-$2-$3');

/** What the EXIF tags reveal about where, when, with what and by whom. */
function tagFindings({ strings, latitude, longitude }: ExifTags): MetadataFinding[] {
  const first = (names: StringTag[]) => names.map((n) => strings[n]).find(Boolean) ?? '';
  const found: MetadataFinding[] = [];
  const add = (kind: MetadataKind, value: string) => value && found.push({ kind, value });
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
  if (format === 'jpeg') return bytes.subarray(segment.start + 10, segment.end); // marker, length, "Exif\0\0"
  if (format === 'heif') {
    // The item starts with the offset of the TIFF header from its fifth byte (past "Exif\0\0").
    const skip = new DataView(bytes.buffer, bytes.byteOffset + segment.start, 4).getUint32(0);
    return bytes.subarray(segment.start + 4 + skip, segment.end);
  }
  const data = bytes.subarray(segment.start + 8, format === 'png' ? segment.end - 4 : segment.end);
  return ascii(data, 0, 4) === 'Exif' ? data.subarray(6) : data;
}

/** An XMP packet without RDF says nothing: it is what stripping leaves of a HEIF file's XMP item. */
const emptyXmp = (bytes: Uint8Array, { kind, start, end }: Segment) =>
  kind === 'xmp' && !new TextDecoder('latin1').decode(bytes.subarray(start, end)).includes('rdf:RDF');

const PRESENCE: Partial<Record<SegmentKind, MetadataKind>> = {
  xmp: 'xmp',
  iptc: 'iptc',
  comment: 'comment',
  text: 'text',
  time: 'datetime',
  credentials: 'credentials',
  video: 'video',
};

/**
 * What a photo's metadata reveals. Throws when the file is not a JPEG, PNG, WebP, HEIF or GIF it can walk:
 * the caller reports "couldn't check" and never rewrites such a file.
 */
export async function readMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  const container = readContainer(bytes);
  const exif = container.segments.find((s) => s.kind === 'exif');
  let tags: ExifTags = { strings: {}, orientation: 1 };
  try {
    if (exif) tags = readExifTags(tiffOf(bytes, container, exif));
  } catch {
    // A damaged EXIF block still says nothing reliable; what else the file holds is still listed.
  }
  const found = tagFindings(tags);
  for (const segment of container.segments) {
    if (emptyXmp(bytes, segment)) continue;
    const kind = PRESENCE[segment.kind];
    if (kind && !found.some((f) => f.kind === kind)) found.push({ kind, value: '' });
  }
  const { orientation } = tags;
  return {
    findings: METADATA_KINDS.flatMap((kind) => found.filter((f) => f.kind === kind)),
    orientation: orientation >= 1 && orientation <= 8 ? orientation : 1,
    format: container.format,
    animated: container.animated,
    ...(container.frames !== undefined && { frames: container.frames }),
  };
}
