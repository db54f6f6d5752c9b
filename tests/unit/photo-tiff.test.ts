import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../photo/metadata';
import { stripMetadata } from '../../photo/strip';
import { exiftoolTagsOf } from '../support/exiftool';
import { taggedTiff } from '../support/tiff';

/** The image data, strip by strip, where the file's own directory says it is. */
function imageData(tiff: Uint8Array): string[] {
  const list = (tag: string) => execFileSync('exiftool', ['-b', `-${tag}`, '-'], { input: tiff, encoding: 'utf8' }).trim().split(' ').map(Number);
  const counts = list('StripByteCounts');
  return list('StripOffsets').map((at, i) => Buffer.from(tiff.subarray(at, at + counts[i]!)).toString('hex'));
}

const LAYOUTS: Record<string, Parameters<typeof taggedTiff>[0]> = { 'little-endian, one strip': {}, 'big-endian, a strip per 8 rows': { bigEndian: true, rowsPerStrip: 8 } };

describe.each(Object.entries(LAYOUTS))('a TIFF (%s)', (layout, options) => {
  const tiff = taggedTiff(options);

  it('says where, when, with what and by whom, as a JPEG would', async () => {
    const metadata = await readMetadata(tiff);
    expect(metadata.format).toBe('tiff');
    expect(metadata.orientation).toBe(6);
    expect(metadata.findings.map((f) => f.kind)).toEqual(['gps', 'datetime', 'camera', 'serial', 'owner', 'xmp', 'iptc', 'comment']);
    expect(metadata.findings.find((f) => f.kind === 'gps')?.value).toBe('48.85660° N, 2.35220° E');
  });

  it('loses it all without re-encoding: same length, same image data, same orientation', async () => {
    expect(imageData(tiff).every(Boolean)).toBe(true);
    const stripped = stripMetadata(tiff, 6);
    expect(stripped.length).toBe(tiff.length);
    expect(imageData(stripped)).toEqual(imageData(tiff));
    const tags = exiftoolTagsOf(stripped);
    expect(Object.keys(tags).filter((key) => /^(IFD0|ExifIFD|GPS|XMP|IPTC)/.test(key) && !/Image(Width|Height)|BitsPerSample|Compression|Photometric|Strip|Orientation|SamplesPerPixel|RowsPerStrip/.test(key))).toEqual([]);
    expect(tags['IFD0:Orientation']).toBe('Rotate 90 CW');
    expect((await readMetadata(stripped)).findings).toEqual([]);
    for (const word of ['Jane', 'Canon', 'ABC123', 'school']) expect(Buffer.from(stripped).includes(word)).toBe(false);
  });
});

it('a TIFF cut short is not read (its details are unknown) and not rewritten', async () => {
  const tiff = taggedTiff();
  const cut = tiff.subarray(0, 200);
  await expect(readMetadata(cut)).rejects.toThrow();
  expect(() => stripMetadata(cut)).toThrow();
});
