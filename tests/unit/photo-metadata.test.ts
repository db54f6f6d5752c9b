import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMetadata } from '../../photo/metadata';
import { readContainer } from '../../photo/segments';
import { MOTION_VIDEO, stripMetadata } from '../../photo/strip';
import { exiftoolTags, exiftoolTagsOf } from '../support/exiftool';
import { motionPhotos, motionPhotoXmp, MP4 } from '../support/motion-photo';
import { jpegWithCredentials, pngWithCredentials } from '../support/c2pa';
import { beforeIend, chunk } from '../support/apng';
import { join as joined, text, u32 } from '../support/heif';
import { jpegSegment, withSegments } from '../support/jpeg';
import { ascii } from '../../photo/bytes';

const REVEALING = /GPS|SerialNumber|Artist|Creator|By-line|OwnerName|XMP|IPTC|Comment|Software|DateTimeOriginal|Make|Model/;
/** Tags that say something about the photo's place, time, camera or people (not the colour profile). */
const revealing = (tags: Record<string, unknown>) =>
  Object.keys(tags).filter((key) => !/^(ICC|ExifTool|System|Composite|JFIF)/.test(key) && REVEALING.test(key));

const dir = mkdtempSync(join(tmpdir(), 'photo-guard-meta-'));
const fixture = (name: string) => join('tests/fixtures/photos', name);
const bytesOf = (file: string) => new Uint8Array(readFileSync(file));

/** The JPEG scan (SOS to EOI): the compressed pixels, which stripping must copy untouched. */
const scan = (bytes: Uint8Array) => {
  const { scanStart } = readContainer(bytes);
  return Buffer.from(bytes.subarray(scanStart)).toString('hex').replace(/ffd9.*$/, '');
};

let tagged: string;
beforeAll(() => {
  tagged = join(dir, 'tagged.jpg');
  copyFileSync(fixture('sample1.jpg'), tagged);
  execFileSync('exiftool', [
    '-q', '-overwrite_original', '-XMP:Creator=Jane Parent', '-IPTC:By-line=Jane Parent',
    '-Comment=first day of school', '-SerialNumber=ABC123', '-Artist=Jane Parent', '-Orientation#=6', tagged,
  ]);
});

describe('readMetadata', () => {
  it('reads an EXIF text after a long run of NULs, without its padding', async () => {
    // A big-endian TIFF block: one IFD entry, ImageDescription (ASCII), its value after the IFD.
    const value = new Uint8Array([...new Uint8Array(60_000), ...text('Lily at the nursery'), 0]);
    const tiff = joined(text('MM\0*'), Uint8Array.of(0, 0, 0, 8, 0, 1, 0x01, 0x0e, 0, 2), u32(value.length), u32(26), u32(0), value);
    const jpeg = withSegments(bytesOf(fixture('no-face-landscape.jpg')), 2, jpegSegment(0xe1, text('Exif\0\0'), tiff));
    // The padding used to be stripped by a pattern, /\0+$/, which took 1.3 s over this value.
    expect((await readMetadata(jpeg)).findings).toEqual([{ kind: 'comment', value: 'Lily at the nursery' }]);
  });

  it('says in plain words what a phone photo reveals', async () => {
    const { findings, orientation } = await readMetadata(bytesOf(tagged));
    expect(findings.map((f) => f.kind)).toEqual(['gps', 'datetime', 'camera', 'serial', 'owner', 'software', 'xmp', 'iptc', 'comment']);
    const value = (kind: string) => findings.find((f) => f.kind === kind)!.value;
    expect(value('gps')).toMatch(/^37\.3\d+° N, 12\d\.\d+° W$/);
    expect(value('datetime')).toBe('2017-10-31 20:16:18');
    expect(value('camera')).toBe('SONY ILCE-7M2');
    expect(value('serial')).toBe('ABC123');
    expect(value('owner')).toBe('Jane Parent');
    expect(orientation).toBe(6);
  });

  it('finds nothing in a generated image', async () => {
    expect((await readMetadata(bytesOf(fixture('no-face-landscape.jpg')))).findings).toEqual([]);
  });

  it('finds the video a motion photo hides after the image, whatever comes between', async () => {
    const plain = bytesOf(fixture('no-face-landscape.jpg'));
    // The gain map, an image of its own, says nothing here (what an appended image says: photo-appended.test.ts).
    for (const [layout, bytes] of Object.entries(motionPhotos(plain, plain))) {
      expect((await readMetadata(bytes)).findings, layout).toEqual([{ kind: 'video', value: '' }]);
    }
    // An appended image alone (a multi-picture preview, a gain map) is no video.
    expect((await readMetadata(new Uint8Array([...plain, ...plain]))).findings).toEqual([]);
  });

  it('knows a BMP, which has nowhere to hold details, for one', async () => {
    const bmp = new Uint8Array(58); // a 1 × 1 bitmap: file header, BITMAPINFOHEADER, one pixel
    bmp.set([0x42, 0x4d, 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24]);
    expect(await readMetadata(bmp)).toMatchObject({ findings: [], format: 'bmp' });
    expect(stripMetadata(bmp)).toEqual(bmp);
  });

  it('reads and strips a JPEG with zeros left between its segments, as decoders and exiftool skip them', async () => {
    const original = bytesOf(tagged);
    const afterExif = readContainer(original).segments.find((s) => s.kind === 'exif')!.end;
    const padded = new Uint8Array([...original.subarray(0, afterExif), 0, 0, 0, 0, ...original.subarray(afterExif)]);
    expect((await readMetadata(padded)).findings.map((f) => f.kind)).toEqual((await readMetadata(original)).findings.map((f) => f.kind));
    const stripped = stripMetadata(padded, 6);
    expect(revealing(exiftoolTagsOf(stripped))).toEqual([]);
    expect(scan(stripped)).toBe(scan(original));
    // Not zeros: a segment's length may be wrong, and nothing is guessed.
    padded.fill(7, afterExif, afterExif + 4);
    await expect(readMetadata(padded)).rejects.toThrow(/malformed/);
  });

  it('refuses what it cannot walk rather than guess', async () => {
    await expect(readMetadata(bytesOf(tagged).subarray(0, 300))).rejects.toThrow(/truncated|malformed/);
    await expect(readMetadata(new TextEncoder().encode('not an image'))).rejects.toThrow(/not a JPEG/);
  });
});

describe('stripMetadata', () => {
  it('removes from a JPEG everything exiftool would show, keeps the orientation and the scan', async () => {
    const original = bytesOf(tagged);
    const stripped = stripMetadata(original, 6);
    const out = join(dir, 'stripped.jpg');
    writeFileSync(out, stripped);
    const tags = exiftoolTags(out);
    expect(revealing(tags)).toEqual([]);
    expect(tags['IFD0:Orientation']).toBe('Rotate 90 CW');
    expect(scan(stripped)).toBe(scan(original));
    expect((await readMetadata(stripped)).findings).toEqual([]);
  });

  it('removes it from a JPEG cut short in its image too, copying the image as far as it goes', async () => {
    const original = bytesOf(tagged);
    const cut = original.subarray(0, Math.round(original.length * 0.7));
    expect((await readMetadata(cut)).findings.map((f) => f.kind)).toContain('owner');
    const stripped = stripMetadata(cut, 6);
    expect(revealing(exiftoolTagsOf(stripped))).toEqual([]);
    expect(Buffer.from(stripped.subarray(stripped.length - 4096)).equals(Buffer.from(cut.subarray(cut.length - 4096)))).toBe(true);
  });

  it('drops what follows the end of the image, and the multi-picture index that points there', () => {
    const original = bytesOf(fixture('no-face-landscape.jpg'));
    const withTrailer = new Uint8Array([...original, ...new TextEncoder().encode('GPS 48.8N secret')]);
    expect(stripMetadata(withTrailer).length).toBeLessThanOrEqual(original.length);
    // A camera's JPEG: an APP2 "MPF" index right after SOI, its preview appended after the image.
    const index = jpegSegment(0xe2, text('MPF\0'), Uint8Array.of(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, ...new Array(8).fill(0)));
    const camera = joined(withSegments(original, 2, index), bytesOf(fixture('sample2.jpg')));
    const stripped = stripMetadata(camera);
    expect(Buffer.from(stripped).indexOf('MPF\0')).toBe(-1);
    expect(scan(stripped)).toBe(scan(original));
  });

  it("drops a maker's own segments (GoPro's GPS track), keeping what a decoder needs (JFIF, Adobe)", () => {
    const original = bytesOf(fixture('no-face-landscape.jpg'));
    const afterJfif = readContainer(original).segments[0]!.end;
    const gopro = withSegments(original, afterJfif, jpegSegment(0xe6, text('GoPro\0GPS5 48.8584 2.2945')), jpegSegment(0xee, text('Adobe\0\x64\0\0\0\0\x01')));
    const stripped = Buffer.from(stripMetadata(gopro));
    expect(stripped.indexOf('GoPro')).toBe(-1);
    expect([stripped.indexOf('JFIF'), stripped.indexOf('Adobe')].every((at) => at > 0)).toBe(true);
    expect(scan(stripped)).toBe(scan(original));
  });

  it("drops a motion photo's video, keeping the image's scan", async () => {
    const plain = bytesOf(fixture('no-face-landscape.jpg'));
    for (const bytes of Object.values(motionPhotos(plain, bytesOf(fixture('sample2.jpg'))))) {
      const stripped = stripMetadata(bytes);
      expect(scan(stripped)).toBe(scan(plain));
      expect(Buffer.from(stripped).indexOf('ftyp')).toBe(-1);
      expect((await readMetadata(stripped)).findings).toEqual([]);
    }
  });

  it("when only the video is to go, gives back the camera's photo with its details and nothing of the video", async () => {
    const camera = bytesOf(fixture('sample2.jpg'));
    const exifEnd = readContainer(camera).segments.find((s) => s.kind === 'exif')!.end;
    const motion = joined(withSegments(camera, exifEnd, motionPhotoXmp(MP4.length)), MP4);
    const kinds = async (bytes: Uint8Array) => (await readMetadata(bytes)).findings.map((f) => f.kind);
    expect(await kinds(motion)).toEqual([...(await kinds(camera)), 'xmp', 'video']);
    // Its XMP goes with it: it says where the video is, and would point at nothing.
    expect(Buffer.from(stripMetadata(motion, 6, MOTION_VIDEO))).toEqual(Buffer.from(camera));
  });

  it('removes C2PA Content Credentials, whose assertions can hold the location, from JPEG and PNG', async () => {
    const jpeg = jpegWithCredentials(bytesOf(fixture('no-face-landscape.jpg')));
    const file = join(dir, 'credentials.jpg');
    writeFileSync(file, jpeg);
    expect(exiftoolTags(file)['JSON:ExifGPSLatitude']).toBe('48,51.5N');
    expect((await readMetadata(jpeg)).findings).toEqual([{ kind: 'credentials', value: '' }]);
    const stripped = stripMetadata(jpeg);
    writeFileSync(file, stripped);
    expect(Object.keys(exiftoolTags(file)).filter((key) => /^(JUMBF|JSON)/.test(key))).toEqual([]);
    expect(scan(stripped)).toBe(scan(jpeg));

    const png = pngWithCredentials(bytesOf(fixture('no-face-pattern.png')));
    expect((await readMetadata(png)).findings).toContainEqual({ kind: 'credentials', value: '' });
    expect(Buffer.from(stripMetadata(png)).indexOf('caBX')).toBe(-1);
  });

  it('removes PNG text and XMP chunks, keeping the image data chunks', () => {
    const png = join(dir, 'tagged.png');
    copyFileSync(fixture('no-face-pattern.png'), png);
    execFileSync('exiftool', ['-q', '-overwrite_original', '-PNG:Comment=our street', '-XMP:Creator=Jane', png]);
    const original = bytesOf(png);
    expect(revealing(exiftoolTags(png))).toEqual(expect.arrayContaining(['PNG:Comment', 'XMP-dc:Creator']));
    const stripped = stripMetadata(original);
    const out = join(dir, 'stripped.png');
    writeFileSync(out, stripped);
    expect(revealing(exiftoolTags(out))).toEqual([]);
    const idat = (bytes: Uint8Array) =>
      readContainer(bytes).segments.map((s) => Buffer.from(bytes.subarray(s.start, s.end)).toString('hex')).filter((h) => h.slice(8, 16) === '49444154');
    expect(idat(stripped)).toEqual(idat(original));
  });

  it("removes a program's own PNG chunks, keeping those that change how the image looks", () => {
    const original = bytesOf(fixture('no-face-pattern.png'));
    const types = (bytes: Uint8Array) => readContainer(bytes).segments.map((s) => ascii(bytes, s.start + 4, 4));
    // A preview of a program's own and a gamma.
    const extra = beforeIend(original, chunk('prVW', [1, 2, 3]), chunk('gAMA', [0, 0, 0xb1, 0x8f]));
    expect(types(stripMetadata(extra))).toEqual([...types(stripMetadata(original)).slice(0, -1), 'gAMA', 'IEND']);
  });

  it('removes WebP EXIF and XMP chunks and clears their flags', () => {
    const webp = join(dir, 'tagged.webp');
    copyFileSync(fixture('no-face-small.webp'), webp);
    execFileSync('exiftool', ['-q', '-overwrite_original', '-XMP:Creator=Jane', '-EXIF:Artist=Jane', webp]);
    const stripped = stripMetadata(bytesOf(webp));
    const out = join(dir, 'stripped.webp');
    writeFileSync(out, stripped);
    const tags = exiftoolTags(out);
    expect(revealing(tags)).toEqual([]);
    expect(tags['ExifTool:Warning']).toBeUndefined();
  });
});

describe('readContainer', () => {
  it("gives a JPEG's stored size from its frame header, baseline or progressive, before EXIF turns it", () => {
    const turned = bytesOf(tagged); // orientation 6: shown 1280 × 1920
    expect(readContainer(turned).size).toEqual({ width: 1920, height: 1280 });
    const frame = readContainer(turned).segments.find((s) => turned[s.start + 1] === 0xc0)!;
    const progressive = turned.slice();
    progressive[frame.start + 1] = 0xc2;
    expect(readContainer(progressive).size).toEqual({ width: 1920, height: 1280 });
    expect(readContainer(bytesOf(fixture('no-face-pattern.png'))).size).toBeUndefined();
  });
});
