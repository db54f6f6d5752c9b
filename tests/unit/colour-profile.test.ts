import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContainer } from '../../photo/segments';
import { isRgbProfile, jpegRgbProfile, withColourProfile } from '../../photo/colour-profile';
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

  it("takes the place of the profile the JPEG had (a browser's encoder writes sRGB's)", () => {
    const rocket = new Uint8Array(readFileSync(photo('no-face-rocket.jpg'))); // Adobe RGB (1998)
    const profile = rgbProfile('Test RGB');
    const out = withColourProfile(rocket, profile);
    expect(readContainer(out).segments.filter((segment) => segment.kind === 'icc')).toHaveLength(1);
    expect(jpegRgbProfile(out)).toEqual(profile);
    expect(out.length - rocket.length).toBe(profile.length + 18 - (jpegRgbProfile(rocket)!.length + 18));
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

describe('jpegRgbProfile', () => {
  it("reads a camera JPEG's profile as exiftool does, joins one split over several segments, and leaves out none or a grey one", () => {
    const rocket = photo('no-face-rocket.jpg'); // Adobe RGB (1998)
    expect(jpegRgbProfile(new Uint8Array(readFileSync(rocket)))).toEqual(new Uint8Array(execFileSync('exiftool', ['-b', '-ICC_Profile', rocket])));
    const plain = new Uint8Array(readFileSync(photo('no-face-landscape.jpg')));
    expect(jpegRgbProfile(plain)).toBeNull();
    const long = rgbProfile('Test RGB ' + 'x'.repeat(70_000));
    expect(jpegRgbProfile(withColourProfile(plain, long))).toEqual(long);
    expect(jpegRgbProfile(withColourProfile(plain, rgbProfile('grey', undefined, 'GRAY')))).toBeNull();
  });
});
