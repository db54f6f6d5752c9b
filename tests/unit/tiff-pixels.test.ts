import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tiffPixels, upright } from '../../models/tiff-pixels';
import { gradientAt, photoTiff, plainTiff, tiffOf } from '../support/tiff';
import { photo } from '../support/sites';

const pixel = (image: { width: number; data: Uint8ClampedArray }, x: number, y: number) => [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4)];

describe('tiffPixels', () => {
  it('reads an uncompressed RGB TIFF, either byte order, in strips', () => {
    for (const layout of [{}, { bigEndian: true, rowsPerStrip: 7 }]) {
      const image = tiffPixels(plainTiff(40, 30, layout));
      expect([image.width, image.height]).toEqual([40, 30]);
      for (const [x, y] of [[0, 0], [39, 0], [13, 29], [39, 29]] as const) expect(pixel(image, x, y)).toEqual([...gradientAt(x, y, 40, 30), 255]);
    }
  });

  it('reads a Deflate, LZW or PackBits TIFF as its uncompressed pixels, and palette, CMYK and 16-bit grey ones', () => {
    const rgb = new Uint8Array(30 * 20 * 3).map((_, i) => (i * 7) % 256);
    const stored = (compression: number, strip: Uint8Array) => tiffPixels(tiffOf(30, 20, { bits: [8, 8, 8], photometric: 2, compression, rowsPerStrip: 20, strips: [strip] })).data;
    const plain = stored(1, rgb);
    expect(plain.subarray(0, 8)).toEqual(new Uint8ClampedArray([0, 7, 14, 255, 21, 28, 35, 255]));
    expect(stored(8, deflateSync(rgb))).toEqual(plain);
    expect(stored(5, lzw(rgb))).toEqual(plain);
    expect(stored(32773, packBits(rgb))).toEqual(plain);
    // The colour map: 256 reds, 256 greens, 256 blues, 16 bits each.
    const map = new Array<number>(768).fill(0);
    [map[0], map[256], map[512], map[1]] = [0x1200, 0x3400, 0x5600, 0xff00];
    const palette = tiffOf(2, 1, { bits: [8], photometric: 3, rowsPerStrip: 1, strips: [new Uint8Array([0, 1])], tags: [[320, 3, map]] });
    expect([pixel(tiffPixels(palette), 0, 0), pixel(tiffPixels(palette), 1, 0)]).toEqual([[0x12, 0x34, 0x56, 255], [0xff, 0, 0, 255]]);
    const cmyk = tiffOf(1, 1, { bits: [8, 8, 8, 8], photometric: 5, rowsPerStrip: 1, strips: [new Uint8Array([0, 255, 255, 0])] });
    expect(pixel(tiffPixels(cmyk), 0, 0)).toEqual([255, 0, 0, 255]); // no cyan, full magenta and yellow: red
    const grey16 = new Uint8Array([0x12, 0x34, 0xab, 0xcd]); // two pixels, big-endian
    const grey = tiffPixels(tiffOf(2, 1, { bits: [16], photometric: 1, rowsPerStrip: 1, strips: [grey16] }, true));
    expect([pixel(grey, 0, 0), pixel(grey, 1, 0)]).toEqual([[0x12, 0x12, 0x12, 255], [0xab, 0xab, 0xab, 255]]);
  });

  it('decodes a JPEG-compressed TIFF to the photo, and applies its orientation', () => {
    const jpeg = new Uint8Array(readFileSync(photo('no-face-cat.jpg')));
    const image = tiffPixels(photoTiff(jpeg, 451, 300));
    expect([image.width, image.height]).toEqual([451, 300]);
    const greys = Array.from({ length: 451 * 300 }, (_, i) => image.data[i * 4]! + image.data[i * 4 + 1]! + image.data[i * 4 + 2]!);
    const [darkest, brightest] = greys.reduce(([lo, hi], g) => [Math.min(lo, g), Math.max(hi, g)], [765, 0]);
    expect(brightest - darkest).toBeGreaterThan(300); // a photo, not a black or flat page
    const turned = tiffPixels(photoTiff(jpeg, 451, 300, { tags: [[274, 3, [6]]] }));
    expect([turned.width, turned.height]).toEqual([300, 451]);
    expect(pixel(turned, 299, 0)).toEqual(pixel(image, 0, 0)); // the stored top left shows at the top right
  });

  it('refuses what it would misread rather than hand over black pixels (no face in them)', () => {
    const lab = tiffOf(2, 2, { bits: [8, 8, 8], photometric: 8, rowsPerStrip: 2, strips: [new Uint8Array(12)] });
    expect(() => tiffPixels(lab)).toThrow(/not decoded here/);
    const greyAlpha = tiffOf(2, 2, { bits: [8, 8], photometric: 1, rowsPerStrip: 2, strips: [new Uint8Array(8)] });
    expect(() => tiffPixels(greyAlpha)).toThrow(/not decoded here/);
    const planar = tiffOf(2, 2, { bits: [8, 8, 8], photometric: 2, rowsPerStrip: 2, strips: [new Uint8Array(12)], tags: [[284, 3, [2]]] });
    expect(() => tiffPixels(planar)).toThrow(/not decoded here/);
    expect(() => tiffPixels(tiffOf(30000, 30000, { bits: [8], photometric: 1, rowsPerStrip: 1, strips: [new Uint8Array(1)] }))).toThrow(/too large/);
  });

  it('skips a reduced-size preview stored before the image', () => {
    const image = plainTiff(4, 3);
    const preview = tiffOf(4, 3, { bits: [8, 8, 8], photometric: 2, rowsPerStrip: 3, strips: [new Uint8Array(36)], tags: [[254, 4, [1]]] });
    // The image's directory, appended, is the preview's next: its pointers move by where it now starts.
    const joined = new Uint8Array(preview.length + image.length);
    joined.set(preview);
    joined.set(image, preview.length);
    const view = new DataView(joined.buffer);
    view.setUint32(8 + 2 + view.getUint16(8, true) * 12, preview.length + 8, true);
    const moved = new DataView(joined.buffer, preview.length);
    for (let i = 0; i < moved.getUint16(8, true); i++) {
      const at = 10 + i * 12;
      const size = (moved.getUint16(at + 2, true) === 3 ? 2 : 4) * moved.getUint32(at + 4, true);
      if (size > 4 || moved.getUint16(at, true) === 273) moved.setUint32(at + 8, moved.getUint32(at + 8, true) + preview.length, true);
    }
    const found = tiffPixels(joined);
    expect(pixel(found, 3, 2)).toEqual([...gradientAt(3, 2, 4, 3), 255]);
  });
});

/** TIFF's LZW, literals only: 9-bit codes, most significant bit first, the table cleared before it needs 10 bits. */
function lzw(bytes: Uint8Array): Uint8Array {
  const codes: number[] = [];
  bytes.forEach((byte, i) => codes.push(...(i % 200 ? [] : [256]), byte));
  codes.push(257);
  const out = new Uint8Array(Math.ceil((codes.length * 9) / 8));
  codes.forEach((code, i) => {
    for (let bit = 0; bit < 9; bit++) if (code & (1 << (8 - bit))) out[(i * 9 + bit) >> 3]! |= 0x80 >> ((i * 9 + bit) & 7);
  });
  return out;
}

/** PackBits, literal runs only: a count less one, then up to 128 bytes. */
function packBits(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 128) out.push(Math.min(128, bytes.length - i) - 1, ...bytes.subarray(i, i + 128));
  return new Uint8Array(out);
}

describe('upright', () => {
  it('turns and mirrors as the eight EXIF orientations say', () => {
    // 3 × 2: a b c / d e f
    const stored = new Uint8ClampedArray([1, 2, 3, 4, 5, 6].flatMap((v) => [v, 0, 0, 255]));
    const shown = (orientation: number) => {
      const { width, data } = upright(stored.slice(), 3, 2, orientation);
      return [width, ...Array.from({ length: data.length / 4 }, (_, i) => data[i * 4])];
    };
    expect(shown(1)).toEqual([3, 1, 2, 3, 4, 5, 6]);
    expect(shown(2)).toEqual([3, 3, 2, 1, 6, 5, 4]);
    expect(shown(3)).toEqual([3, 6, 5, 4, 3, 2, 1]);
    expect(shown(4)).toEqual([3, 4, 5, 6, 1, 2, 3]);
    expect(shown(5)).toEqual([2, 1, 4, 2, 5, 3, 6]);
    expect(shown(6)).toEqual([2, 4, 1, 5, 2, 6, 3]);
    expect(shown(7)).toEqual([2, 6, 3, 5, 2, 4, 1]);
    expect(shown(8)).toEqual([2, 3, 6, 2, 5, 1, 4]);
  });
});
