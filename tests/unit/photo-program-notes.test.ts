import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../photo/metadata';
import { stripMetadata } from '../../photo/strip';
import { beforeIend, chunk } from '../support/apng';
import { exiftoolTagsOf } from '../support/exiftool';
import { join, text } from '../support/heif';
import { exifUnder, jpegSegment, OWN_PREFIXES_XMP, withSegments } from '../support/jpeg';

/**
 * Metadata under the identifiers or chunk names some cameras and programs wrote instead of the standard ones,
 * and in segments of their own, which exiftool (the reference) reads: listed as it lists them,
 * so that a photo carrying only those is not passed on as saying nothing, and removed.
 */
const photo = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/photos/${name}`));
const PLAIN = photo('no-face-landscape.jpg');
const CAMERA = photo('sample1.jpg');
const findings = async (bytes: Uint8Array) => (await readMetadata(bytes)).findings;
const kinds = async (bytes: Uint8Array) => (await findings(bytes)).map((f) => f.kind);

const ucs2 = (value: string) => Uint8Array.from([...value].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255]));
const u16 = (value: number) => Uint8Array.of(value >> 8, value & 255);

/** A GPMF record (key, type, sample size, count, values padded to four bytes). */
function gpmf(key: string, type: number, size: number, value: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.ceil(value.length / 4) * 4);
  padded.set(value);
  return join(text(key), Uint8Array.of(type, size), u16(value.length / size), padded);
}

/** What exiftool still reads in a stripped file of what these segments said. */
const left = (bytes: Uint8Array) => Object.keys(exiftoolTagsOf(bytes)).filter((key) => /^(GPS|IFD0|XMP-\w+|Ducky|PictureInfo|GoPro):|:Comment$/.test(key));

/** The landscape given `segment` after its start. */
const carrying = (segment: Uint8Array) => withSegments(PLAIN, 2, segment);

describe('EXIF and XMP under other identifiers', () => {
  const CASES = [
    { what: 'EXIF after a Kodak camera\'s "Exif\\0\\xff"', segment: () => exifUnder('Exif\0\xff', CAMERA) },
    { what: 'EXIF after stray bytes', segment: () => exifUnder('\0\0Exif\0\0', CAMERA) },
  ];
  for (const { what, segment } of CASES) {
    it(`reads ${what} as exiftool does, and removes it`, async () => {
      const jpeg = carrying(segment());
      expect(exiftoolTagsOf(jpeg)).toMatchObject({ 'GPS:GPSLatitudeRef': 'North', 'IFD0:Make': 'SONY' });
      expect(await findings(jpeg)).toEqual(await findings(CAMERA));
      expect(left(stripMetadata(jpeg))).toEqual([]);
    });
  }

  it('reads XMP after the old "XMP\\0" identifier, and a bare packet, as exiftool does', async () => {
    for (const header of ['XMP\0', '']) {
      const jpeg = carrying(jpegSegment(0xe1, text(`${header}<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>${OWN_PREFIXES_XMP}<?xpacket end="w"?>`)));
      expect(exiftoolTagsOf(jpeg)['XMP-xmp:CreatorTool']).toBe('Adobe Photoshop 7.0');
      expect(await kinds(jpeg)).toEqual(['gps', 'datetime', 'software', 'xmp']);
      expect(left(stripMetadata(jpeg))).toEqual([]);
    }
  });
});

describe('XMP in a PNG where a draft put it', () => {
  it('reads a tXMP chunk as exiftool does, and removes it', async () => {
    const png = beforeIend(photo('no-face-pattern.png'), chunk('tXMP', text(OWN_PREFIXES_XMP)));
    expect(exiftoolTagsOf(png)['XMP-xmp:CreatorTool']).toBe('Adobe Photoshop 7.0');
    expect(await kinds(png)).toEqual(expect.arrayContaining(['gps', 'software', 'xmp']));
    expect(left(stripMetadata(png))).toEqual([]);
  });
});

describe("programs' and cameras' own notes", () => {
  it('reads the comment and copyright of Photoshop\'s "Save for Web" (APP12 Ducky), as exiftool writes and reads them', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'photo-guard-ducky-'));
    const file = joinPath(dir, 'saved-for-web.jpg');
    writeFileSync(file, PLAIN);
    execFileSync('exiftool', ['-q', '-overwrite_original', '-Ducky:Quality=60', '-Ducky:Comment=Lily at Bluebell nursery', '-Ducky:Copyright=Jane Martin', file]);
    const jpeg = new Uint8Array(readFileSync(file));
    expect(exiftoolTagsOf(jpeg)).toMatchObject({ 'Ducky:Copyright': 'Jane Martin', 'Ducky:Comment': 'Lily at Bluebell nursery' });
    expect(await findings(jpeg)).toEqual([
      { kind: 'owner', value: 'Jane Martin' },
      { kind: 'comment', value: 'Lily at Bluebell nursery' },
    ]);
    expect(left(stripMetadata(jpeg))).toEqual([]);
  });

  it('says nothing of a "Save for Web" note that holds only its quality setting', async () => {
    const quality = carrying(jpegSegment(0xec, text('Ducky'), u16(1), u16(4), Uint8Array.of(0, 0, 0, 60), u16(0)));
    expect(exiftoolTagsOf(quality)['Ducky:Quality']).toBe('60%');
    expect(await findings(quality)).toEqual([]);
  });

  it('reads the date, model and serial number of an old camera\'s "Picture Info" text (APP12)', async () => {
    const info = '[picture info]\r\nTimeDate=966368160\r\nShutter=10000\r\nFlash=0\r\nType=SR-745\r\nSerial#=K10293\r\n[end]\0';
    const jpeg = carrying(jpegSegment(0xec, text(info)));
    expect(exiftoolTagsOf(jpeg, '-n')).toMatchObject({ 'PictureInfo:CameraType': 'SR-745', 'PictureInfo:SerialNumber': 'K10293' });
    expect(await findings(jpeg)).toEqual([
      { kind: 'datetime', value: '2000-08-15 19:36:00' },
      { kind: 'camera', value: 'SR-745' },
      { kind: 'serial', value: 'K10293' },
    ]);
    expect(left(stripMetadata(jpeg))).toEqual([]);
  });

  it('reads a "Picture Info" of any length in one pass, and a date no date can hold as written', async () => {
    // One long line without separators: a pattern looking ahead for the next "Name=" at every
    // character took about 2 s for such a segment, and a file may hold hundreds.
    const long = carrying(jpegSegment(0xec, text(`[picture info]\r\nType=${'A'.repeat(60_000)}`)));
    expect((await findings(long)).map((f) => [f.kind, f.value.length])).toEqual([['camera', 160]]);
    const far = carrying(jpegSegment(0xec, text('TimeDate=99999999999999999999\r\n')));
    expect(await findings(far)).toEqual([{ kind: 'datetime', value: '99999999999999999999' }]);
  });

  it('reads PhotoStudio\'s comment (APP10 "UNICODE")', async () => {
    const jpeg = carrying(jpegSegment(0xea, text('UNICODE\0'), ucs2('Noé, 4 ans')));
    expect(exiftoolTagsOf(jpeg)['File:Comment']).toBe('Noé, 4 ans');
    expect(await findings(jpeg)).toEqual([{ kind: 'comment', value: 'Noé, 4 ans' }]);
    expect(left(stripMetadata(jpeg))).toEqual([]);
  });

  it("reads a GoPro's serial number and model from its own record (APP6 GPMF)", async () => {
    const device = join(gpmf('DVID', 0x4c, 4, Uint8Array.of(0, 0, 0, 1)), gpmf('CASN', 0x63, 1, text('C3221324545448')), gpmf('MINF', 0x63, 1, text('HERO9 Black')));
    const jpeg = carrying(jpegSegment(0xe6, text('GoPro\0'), gpmf('DEVC', 0, 1, device)));
    expect(exiftoolTagsOf(jpeg)).toMatchObject({ 'GoPro:CameraSerialNumber': 'C3221324545448', 'GoPro:Model': 'HERO9 Black' });
    expect(await findings(jpeg)).toEqual([
      { kind: 'camera', value: 'HERO9 Black' },
      { kind: 'serial', value: 'C3221324545448' },
    ]);
    expect(left(stripMetadata(jpeg))).toEqual([]);
  });
});
