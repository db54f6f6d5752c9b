import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHeif, isHevcHeif } from '../../photo/heif';
import { readMetadata } from '../../photo/metadata';
import { readContainer } from '../../photo/segments';
import { MOTION_VIDEO, stripMetadata } from '../../photo/strip';
import { exiftoolTagsOf } from '../support/exiftool';
import { box, heifWith, JANE_XMP, join as joined } from '../support/heif';
import { mpvd } from '../support/motion-photo';
import { heifCredentials } from '../support/c2pa';
import { firstFrameOnly } from '../../content-scripts/policy';


/** The Exif block of a tagged camera photo, as an iPhone writes one into its HEIC. */
const jpeg = new Uint8Array(readFileSync('tests/fixtures/photos/sample1.jpg'));
const exif = readContainer(jpeg).segments.find((s) => s.kind === 'exif')!;
const heic = heifWith(jpeg.subarray(exif.start + 10, exif.end), JANE_XMP);

describe('HEIF (an iPhone\'s HEIC)', () => {
  it('is told from an AVIF (the same container, AV1-coded) by its brands, as HEVC-coded images only libheif opens', () => {
    const photos = ['sample2.heic', 'sample4-grid.heic', 'sample2.avif', 'sample2.jpg'].map((name) => new Uint8Array(readFileSync(`tests/fixtures/photos/${name}`)));
    expect(photos.map(isHeif)).toEqual([true, true, true, false]);
    expect(photos.map(isHevcHeif)).toEqual([true, true, false, false]);
    expect(isHevcHeif(heic)).toBe(true);
  });

  it('says what its Exif and XMP items reveal, as exiftool reads them', async () => {
    const tags = exiftoolTagsOf(heic);
    expect(tags['GPS:GPSLatitudeRef']).toBe('North');
    expect(tags['XMP-dc:Creator']).toBe('Jane Parent');
    const { findings } = await readMetadata(heic);
    expect(findings.map((f) => f.kind)).toEqual(['gps', 'datetime', 'camera', 'owner', 'software', 'xmp']);
    expect(findings[0]!.value).toBe('37.31964° N, 121.94650° W');
    expect(findings.find((f) => f.kind === 'owner')!.value).toBe('Jane Parent'); // from the XMP item
  });

  it('empties them where they lie: same length, every other byte unchanged, nothing left to read', async () => {
    const stripped = stripMetadata(heic);
    expect(stripped.length).toBe(heic.length);
    const items = readContainer(heic).segments;
    const changed = [...stripped.keys()].filter((i) => stripped[i] !== heic[i]);
    expect(changed.every((i) => items.some((s) => i >= s.start && i < s.end))).toBe(true);
    const tags = exiftoolTagsOf(stripped, '-all', '-validate', '-warning');
    expect(Object.keys(tags).filter((key) => /^(GPS|IFD0|ExifIFD|XMP)/.test(key))).toEqual([]);
    expect(tags['ExifTool:Validate']).toBe('OK');
    expect((await readMetadata(stripped)).findings).toEqual([]);
  });

  it("finds a Samsung motion photo's video, and cuts it off or empties it", async () => {
    const motion = joined(heic, mpvd());
    expect((await readMetadata(motion)).findings.map((f) => f.kind)).toContain('video');
    // Ending the file, it is cut off: what is left is the photo stripped as usual.
    expect(stripMetadata(motion)).toEqual(stripMetadata(heic));
    // Elsewhere it becomes free space of the same size, every offset unchanged.
    const inside = joined(motion, box('free', new Uint8Array(16)));
    const stripped = stripMetadata(inside);
    expect(stripped.length).toBe(inside.length);
    expect(Buffer.from(stripped).indexOf('ftyp', heic.length)).toBe(-1);
    expect((await readMetadata(stripped)).findings).toEqual([]);
    expect(exiftoolTagsOf(stripped, '-validate', '-warning')['ExifTool:Validate']).toBe('OK');
  });

  it('when only the video is to go, keeps the Exif item as it was', async () => {
    const motion = joined(heic, mpvd());
    const kept = stripMetadata(motion, 1, MOTION_VIDEO);
    expect(Buffer.from(kept.subarray(0, heic.length))).not.toEqual(Buffer.from(heic)); // the XMP item is emptied
    expect((await readMetadata(kept)).findings.map((f) => f.kind)).toEqual(['gps', 'datetime', 'camera', 'software']);
    expect(exiftoolTagsOf(kept, '-validate', '-warning')['ExifTool:Validate']).toBe('OK');
  });

  it('finds C2PA Content Credentials in their uuid box, and removes them', async () => {
    const signed = joined(heic, heifCredentials());
    expect((await readMetadata(signed)).findings.map((f) => f.kind)).toContain('credentials');
    expect(stripMetadata(signed)).toEqual(stripMetadata(heic));
  });

  it('takes an animated AVIF (an image sequence, by its major brand) for an animation, and a still one for a still', async () => {
    /** The test file with its ftyp's major brand and compatible brands (12 bytes) replaced. */
    const branded = (major: string, compatible: string) => {
      const copy = heic.slice();
      copy.set(new TextEncoder().encode(major), 8);
      copy.set(new TextEncoder().encode(compatible), 16);
      return copy;
    };
    const animated = await readMetadata(branded('avis', 'avifmsf1'));
    expect(animated).toMatchObject({ format: 'heif', animated: true });
    expect(firstFrameOnly(animated)).toBe(true); // the window says only the first image was checked
    expect((await readMetadata(branded('avif', 'avifavis'))).animated).toBe(false);
    expect((await readMetadata(heic)).animated).toBe(false);
  });

  it('refuses a truncated file rather than guess', async () => {
    await expect(readMetadata(heic.subarray(0, 300))).rejects.toThrow();
    expect(() => stripMetadata(heic.subarray(0, 300))).toThrow();
  });
});
