import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An uncompressed RGB TIFF of a gradient, in strips of `rowsPerStrip` rows, with only the tags a
 * decoder needs: exiftool adds the metadata a test wants.
 */
export function plainTiff(width: number, height: number, { bigEndian = false, rowsPerStrip = height } = {}): Uint8Array {
  const strips = Math.ceil(height / rowsPerStrip);
  const tags: Array<[tag: number, type: number, values: number[]]> = [
    [256, 4, [width]],
    [257, 4, [height]],
    [258, 3, [8, 8, 8]],
    [259, 3, [1]],
    [262, 3, [2]],
    [273, 4, Array.from({ length: strips }, () => 0)], // filled in below
    [277, 3, [3]],
    [278, 4, [rowsPerStrip]],
    [279, 4, Array.from({ length: strips }, (_, i) => Math.min(rowsPerStrip, height - i * rowsPerStrip) * width * 3)],
  ];
  const tableAt = 8;
  const valuesAt = tableAt + 2 + tags.length * 12 + 4;
  const valueSize = (type: number, n: number) => (type === 3 ? 2 : 4) * n;
  const outOfLine = tags.filter(([, type, values]) => valueSize(type, values.length) > 4);
  const dataAt = valuesAt + outOfLine.reduce((n, [, type, values]) => n + valueSize(type, values.length), 0);
  const out = new Uint8Array(dataAt + width * height * 3);
  const view = new DataView(out.buffer);
  const little = !bigEndian;
  out.set(bigEndian ? [0x4d, 0x4d, 0, 42] : [0x49, 0x49, 42, 0]);
  view.setUint32(4, tableAt, little);
  view.setUint16(tableAt, tags.length, little);
  tags[5]![2] = tags[5]![2].map((_, i) => dataAt + i * rowsPerStrip * width * 3);
  let next = valuesAt;
  tags.forEach(([tag, type, values], i) => {
    const at = tableAt + 2 + i * 12;
    view.setUint16(at, tag, little);
    view.setUint16(at + 2, type, little);
    view.setUint32(at + 4, values.length, little);
    const inline = valueSize(type, values.length) <= 4;
    const into = inline ? at + 8 : next;
    values.forEach((v, k) => (type === 3 ? view.setUint16(into + k * 2, v, little) : view.setUint32(into + k * 4, v, little)));
    if (!inline) {
      view.setUint32(at + 8, next, little);
      next += valueSize(type, values.length);
    }
  });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out.set([(x * 255) / width, (y * 255) / height, 128], dataAt + (y * width + x) * 3);
  }
  return out;
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
