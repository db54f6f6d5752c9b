import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tiffPixels } from '../../models/tiff-pixels';

type Tag = [tag: number, type: number, values: number[]];

/** How a test TIFF stores its image: each strip's bytes as stored, and the tags saying how to read them. */
export interface TiffPicture {
  bits: number[];
  photometric: number;
  compression?: number;
  rowsPerStrip: number;
  strips: Uint8Array[];
  /** More tags (Orientation, NewSubfileType…), as [tag, type, values]. */
  tags?: Tag[];
}

/** A one-image TIFF of `picture`, with only the tags a decoder needs. */
export function tiffOf(width: number, height: number, picture: TiffPicture, bigEndian = false): Uint8Array {
  const { strips } = picture;
  const tags: Tag[] = [
    [256, 4, [width]],
    [257, 4, [height]],
    [258, 3, picture.bits],
    [259, 3, [picture.compression ?? 1]],
    [262, 3, [picture.photometric]],
    [273, 4, strips.map(() => 0)], // filled in below
    [277, 3, [picture.bits.length]],
    [278, 4, [picture.rowsPerStrip]],
    [279, 4, strips.map((strip) => strip.length)],
    ...(picture.tags ?? []),
  ];
  tags.sort((a, b) => a[0] - b[0]);
  const tableAt = 8;
  const valuesAt = tableAt + 2 + tags.length * 12 + 4;
  const valueSize = (type: number, n: number) => (type === 1 || type === 7 ? 1 : type === 3 ? 2 : 4) * n;
  const outOfLine = tags.filter(([, type, values]) => valueSize(type, values.length) > 4);
  // Values out of line start on a word boundary, as the format asks.
  const room = (type: number, n: number) => valueSize(type, n) + (valueSize(type, n) % 2);
  const dataAt = valuesAt + outOfLine.reduce((n, [, type, values]) => n + room(type, values.length), 0);
  const out = new Uint8Array(dataAt + strips.reduce((n, strip) => n + strip.length, 0));
  const view = new DataView(out.buffer);
  const little = !bigEndian;
  out.set(bigEndian ? [0x4d, 0x4d, 0, 42] : [0x49, 0x49, 42, 0]);
  view.setUint32(4, tableAt, little);
  view.setUint16(tableAt, tags.length, little);
  const offsets = tags.find(([tag]) => tag === 273)!;
  let stripAt = dataAt;
  offsets[2] = strips.map((strip) => {
    out.set(strip, stripAt);
    return (stripAt += strip.length) - strip.length;
  });
  let next = valuesAt;
  tags.forEach(([tag, type, values], i) => {
    const at = tableAt + 2 + i * 12;
    view.setUint16(at, tag, little);
    view.setUint16(at + 2, type, little);
    view.setUint32(at + 4, values.length, little);
    const inline = valueSize(type, values.length) <= 4;
    const into = inline ? at + 8 : next;
    values.forEach((v, k) => (type === 1 || type === 7 ? view.setUint8(into + k, v) : type === 3 ? view.setUint16(into + k * 2, v, little) : view.setUint32(into + k * 4, v, little)));
    if (!inline) {
      view.setUint32(at + 8, next, little);
      next += room(type, values.length);
    }
  });
  return out;
}

/** The colour of a test gradient's pixel: red across, green down. */
export const gradientAt = (x: number, y: number, width: number, height: number) => [Math.floor((x * 255) / width), Math.floor((y * 255) / height), 128];

/** An uncompressed RGB TIFF of a gradient, in strips of `rowsPerStrip` rows: exiftool adds the metadata a test wants. */
export function plainTiff(width: number, height: number, { bigEndian = false, rowsPerStrip = height } = {}): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgb.set(gradientAt(x, y, width, height), (y * width + x) * 3);
  const rowBytes = width * 3;
  const strips = Array.from({ length: Math.ceil(height / rowsPerStrip) }, (_, i) => rgb.subarray(i * rowsPerStrip * rowBytes, Math.min(height, (i + 1) * rowsPerStrip) * rowBytes));
  return tiffOf(width, height, { bits: [8, 8, 8], photometric: 2, rowsPerStrip, strips }, bigEndian);
}

/**
 * A photo as a TIFF: the JPEG itself as its one strip (JPEG compression, YCbCr, as some programs
 * write them), or with `plain`, the pixels UTIF reads from that, stored uncompressed in RGB.
 */
export function photoTiff(jpeg: Uint8Array, width: number, height: number, { plain = false, tags = [] as Tag[] } = {}): Uint8Array {
  const asJpeg = (tagged: Tag[]) => tiffOf(width, height, { bits: [8, 8, 8], photometric: 6, compression: 7, rowsPerStrip: height, strips: [jpeg], tags: tagged });
  return plain ? rgbTiff(tiffPixels(asJpeg([])), tags) : asJpeg(tags);
}

/** An uncompressed RGB TIFF of RGBA pixels. */
export function rgbTiff({ width, height, data }: { width: number; height: number; data: Uint8ClampedArray }, tags: Tag[] = []): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(data.subarray(i * 4, i * 4 + 3), i * 3);
  return tiffOf(width, height, { bits: [8, 8, 8], photometric: 2, rowsPerStrip: height, strips: [rgb], tags });
}

/**
 * A TIFF as a scanner's or raw converter's export carries it: location, camera, serial number,
 * author, description, XMP and IPTC, turned a quarter turn — tagged by exiftool, which lays the
 * file out anew.
 */
export function taggedTiff(layout: Parameters<typeof plainTiff>[2] = {}): Uint8Array {
  const path = join(mkdtempSync(join(tmpdir(), 'photo-guard-tiff-')), 'scan.tif');
  writeFileSync(path, plainTiff(120, 90, layout));
  execFileSync('exiftool', [
    '-q', '-overwrite_original', '-GPSLatitude=48.8566', '-GPSLatitudeRef=N', '-GPSLongitude=2.3522', '-GPSLongitudeRef=E',
    '-Make=Canon', '-Model=EOS 5D', '-SerialNumber=ABC123', '-Artist=Jane Parent', '-ImageDescription=first day at school',
    '-XMP:Creator=Jane Parent', '-IPTC:By-line=Jane Parent', '-DateTimeOriginal=2026:09:01 08:30:00', '-Orientation#=6', path,
  ]);
  return new Uint8Array(readFileSync(path));
}
