import { ascii, withoutTrailingNuls } from './bytes';

/**
 * A small reader for the TIFF structure inside EXIF: the few tags that say where, when, with
 * what and by whom a photo was taken. (A full EXIF library would also bring code that can fetch
 * URLs and load Node modules, which an extension that never touches the network has no use for.)
 */
export interface ExifTags {
  strings: Partial<Record<StringTag, string>>;
  orientation: number;
  latitude?: number;
  longitude?: number;
}

const STRING_TAGS = {
  0x010e: 'ImageDescription',
  0x010f: 'Make',
  0x0110: 'Model',
  0x0131: 'Software',
  0x0132: 'ModifyDate',
  0x013b: 'Artist',
  0x013c: 'HostComputer',
  0x8298: 'Copyright',
  0x9003: 'DateTimeOriginal',
  0x9004: 'CreateDate',
  0x9286: 'UserComment',
  0xa430: 'CameraOwnerName',
  0xa431: 'BodySerialNumber',
  0xa434: 'LensModel',
  0xa435: 'LensSerialNumber',
} as const;
export type StringTag = (typeof STRING_TAGS)[keyof typeof STRING_TAGS];

const EXIF_IFD = 0x8769;
const GPS_IFD = 0x8825;
const ORIENTATION = 0x0112;
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Offset of the value inside the TIFF data. */
  at: number;
}

/** The TIFF block of EXIF data that may start with the "Exif\0\0" header (PNG, WebP, ImageMagick's profiles) or not. */
export const tiffBlock = (data: Uint8Array): Uint8Array => (ascii(data, 0, 6) === 'Exif\0\0' ? data.subarray(6) : data);

/** Parses a TIFF block (EXIF payload without the "Exif\0\0" prefix). Throws when malformed. */
export function readExifTags(tiff: Uint8Array): ExifTags {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = view.getUint16(0) === 0x4949;
  if (!little && view.getUint16(0) !== 0x4d4d) throw new Error('not a TIFF block');
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);

  const entries = (offset: number): Entry[] => {
    const count = u16(offset);
    return Array.from({ length: count }, (_, i) => {
      const at = offset + 2 + i * 12;
      const type = u16(at + 2);
      const n = u32(at + 4);
      const size = (TYPE_SIZES[type] ?? 1) * n;
      return { tag: u16(at), type, count: n, at: size <= 4 ? at + 8 : u32(at + 8) };
    });
  };
  const text = (e: Entry) => {
    let bytes = tiff.subarray(e.at, e.at + e.count);
    if (e.tag === 0x9286) bytes = bytes.subarray(8); // UserComment: 8-byte character code first
    return new TextDecoder().decode(withoutTrailingNuls(bytes)).trim();
  };
  const rationals = (e: Entry) =>
    Array.from({ length: e.count }, (_, i) => u32(e.at + i * 8) / (u32(e.at + i * 8 + 4) || 1));

  const result: ExifTags = { strings: {}, orientation: 1 };
  const read = (list: Entry[]) => {
    for (const e of list) {
      const name = STRING_TAGS[e.tag as keyof typeof STRING_TAGS];
      if (name && (e.type === 2 || e.type === 7)) {
        const value = text(e);
        if (value) result.strings[name] = value;
      }
      if (e.tag === ORIENTATION && e.type === 3) result.orientation = u16(e.at);
      if (e.tag === EXIF_IFD) read(entries(u32(e.at)));
      if (e.tag === GPS_IFD) readGps(entries(u32(e.at)));
    }
  };
  const readGps = (list: Entry[]) => {
    const get = (tag: number) => list.find((e) => e.tag === tag);
    const [latRef, lat, lonRef, lon] = [get(1), get(2), get(3), get(4)];
    if (!lat || !lon || lat.type !== 5 || lon.type !== 5) return;
    const degrees = (e: Entry) => rationals(e).reduce((sum, v, i) => sum + v / 60 ** i, 0);
    result.latitude = degrees(lat) * (latRef && text(latRef) === 'S' ? -1 : 1);
    result.longitude = degrees(lon) * (lonRef && text(lonRef) === 'W' ? -1 : 1);
  };
  read(entries(u32(4)));
  return result;
}
