import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContainer } from '../../photo/segments';
import { isRgbProfile, withColourProfile } from '../../photo/colour-profile';
import { tiffPixels } from '../../models/tiff-pixels';
import { exiftoolTagsOf } from '../support/exiftool';
import { rgbProfile } from '../support/icc';
import { photo } from '../support/sites';
import { plainTiff, rgbTiff } from '../support/tiff';

describe('withColourProfile', () => {
  it('puts the profile in the JPEG after its JFIF header, in chunks an ICC reader joins, the image after it unchanged', () => {
    const jpeg = new Uint8Array(readFileSync(photo('no-face-landscape.jpg'))); // no profile of its own
    // Over one segment's worth: a profile with a long description, as some carry tables that long.
    const profile = rgbProfile('Test RGB ' + 'x'.repeat(70_000));
    const out = withColourProfile(jpeg, profile);
    const icc = readContainer(out).segments.filter((segment) => segment.kind === 'icc');
    expect(icc).toHaveLength(2);
    expect([jpeg[2], jpeg[3]]).toEqual([0xff, 0xe0]); // SOI, then JFIF's APP0 segment
    const at = 4 + ((jpeg[4]! << 8) | jpeg[5]!);
    expect(out.subarray(0, at)).toEqual(jpeg.subarray(0, at));
    expect(out.subarray(out.length - (jpeg.length - at))).toEqual(jpeg.subarray(at));
    expect(out.length - jpeg.length).toBe(profile.length + 2 * 18);
    const tags = exiftoolTagsOf(out);
    expect(String(tags['ICC_Profile:ProfileDescription'])).toMatch(/^Test RGB x+$/);
  });

  it('tells an RGB profile from a grey or CMYK one', () => {
    expect(isRgbProfile(rgbProfile('rgb'))).toBe(true);
    expect(isRgbProfile(rgbProfile('grey', undefined, 'GRAY'))).toBe(false);
    expect(isRgbProfile(rgbProfile('cmyk', undefined, 'CMYK'))).toBe(false);
  });
});

describe("a TIFF's colour profile", () => {
  it('comes with its pixels', () => {
    const image = tiffPixels(plainTiff(4, 3));
    const profile = rgbProfile('Scanner RGB');
    expect(tiffPixels(rgbTiff(image, [[34675, 7, [...profile]]])).profile).toEqual(profile);
    expect(image.profile).toBeUndefined();
  });
});
