import exifr from 'exifr';
import { readContainer, type SegmentKind } from './segments';

/** The vocabulary of the overlay's and popup's `data-metadata` attribute, in display order. */
export const METADATA_KINDS = ['gps', 'datetime', 'camera', 'serial', 'owner', 'software', 'xmp', 'iptc', 'comment', 'text'] as const;
export type MetadataKind = (typeof METADATA_KINDS)[number];

export interface MetadataFinding {
  kind: MetadataKind;
  /** The value found, for the plain-words line ("48.85837° N, 2.29448° E"). */
  value: string;
}

export interface PhotoMetadata {
  findings: MetadataFinding[];
  /** EXIF orientation 1–8 (1 when absent): what a viewer applies, and what stripping keeps. */
  orientation: number;
}

type Tags = Record<string, unknown>;

const first = (tags: Tags, names: string[]): string | null => {
  for (const name of names) {
    const value = tags[name];
    if (value instanceof Date) return value.toISOString().replace('T', ' ').slice(0, 19);
    if (value !== undefined && value !== null && String(value).trim() !== '') return String(value).trim();
  }
  return null;
};

const coordinate = (value: number, positive: string, negative: string) =>
  `${Math.abs(value).toFixed(5)}° ${value >= 0 ? positive : negative}`;

/** From the parsed EXIF/TIFF tags: what they reveal about where, when, with what and by whom. */
function tagFindings(tags: Tags): MetadataFinding[] {
  const found: MetadataFinding[] = [];
  const add = (kind: MetadataKind, value: string | null) => value && found.push({ kind, value });
  const { latitude, longitude } = tags as { latitude?: number; longitude?: number };
  if (typeof latitude === 'number' && typeof longitude === 'number') {
    add('gps', `${coordinate(latitude, 'N', 'S')}, ${coordinate(longitude, 'E', 'W')}`);
  }
  add('datetime', first(tags, ['DateTimeOriginal', 'CreateDate', 'DateTimeDigitized', 'ModifyDate']));
  const camera = [first(tags, ['Make']), first(tags, ['Model'])].filter(Boolean).join(' ');
  add('camera', camera || first(tags, ['LensModel']));
  add('serial', first(tags, ['BodySerialNumber', 'SerialNumber', 'InternalSerialNumber', 'LensSerialNumber', 'CameraSerialNumber']));
  add('owner', first(tags, ['OwnerName', 'CameraOwnerName', 'Artist', 'Copyright']));
  add('software', first(tags, ['Software', 'ProcessingSoftware', 'HostComputer', 'CreatorTool']));
  add('comment', first(tags, ['UserComment', 'ImageDescription', 'XPComment']));
  return found;
}

const SEGMENT_FINDINGS: Partial<Record<SegmentKind, MetadataKind>> = {
  xmp: 'xmp',
  iptc: 'iptc',
  comment: 'comment',
  text: 'text',
};

/**
 * What a photo's metadata reveals. Throws when the file is not a JPEG, PNG or WebP it can walk:
 * the caller reports "couldn't check" and never rewrites such a file.
 */
export async function readMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  const { segments } = readContainer(bytes);
  const tags = ((await exifr.parse(bytes, {
    tiff: true,
    ifd0: {},
    exif: {},
    gps: {},
    xmp: true,
    iptc: true,
    userComment: true,
    mergeOutput: true,
    translateValues: false, // Orientation as its number, not "Rotate 90 CW"
  }).catch(() => null)) ?? {}) as Tags;
  const found = tagFindings(tags);
  for (const segment of segments) {
    const kind = SEGMENT_FINDINGS[segment.kind];
    if (kind && !found.some((f) => f.kind === kind)) found.push({ kind, value: '' });
  }
  if (segments.some((s) => s.kind === 'time') && !found.some((f) => f.kind === 'datetime')) {
    found.push({ kind: 'datetime', value: '' });
  }
  const orientation = Number(tags.Orientation ?? 1);
  return {
    findings: METADATA_KINDS.flatMap((kind) => found.filter((f) => f.kind === kind)),
    orientation: Number.isInteger(orientation) && orientation >= 1 && orientation <= 8 ? orientation : 1,
  };
}
