import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/composer-test';
import { exiftoolTagsOf } from '../support/exiftool';
import { fileBytes, overlayFrame, received } from '../support/guard-page';
import { exifUnder, OWN_PREFIXES_XMP, withMpfImage, withSecondExif, withSegments, xmpSegment } from '../support/jpeg';
import { photo } from '../support/sites';

/**
 * Metadata where a quick look misses it: under a writer's own XMP prefixes, in a second EXIF block,
 * in an image appended to the photo, under an identifier not the standard one, in a program's own note.
 */

test('XMP written with prefixes of its own (Photoshop 7\'s xap:) is read in plain words, and removed', async ({ composer: { page, input } }) => {
  const jpeg = Buffer.from(withSegments(fileBytes(photo('no-face-landscape.jpg')), 2, xmpSegment(OWN_PREFIXES_XMP)));
  expect(exiftoolTagsOf(jpeg)['XMP-xmp:CreatorTool']).toBe('Adobe Photoshop 7.0');

  await input().setInputFiles({ name: 'scan.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  const card = (await overlayFrame(page)).locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', '0');
  await expect(card).toHaveAttribute('data-metadata', 'gps,datetime,software,xmp');
  await expect(card.locator('.metadata')).toContainText('45.76000° N, 4.84000° E');
  await expect(card.locator('.metadata')).toContainText('Adobe Photoshop 7.0');
  await (await overlayFrame(page)).locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const tags = exiftoolTagsOf(Buffer.from((await received(page))[0]!.base64, 'base64'));
  expect(Object.keys(tags).filter((key) => key.startsWith('XMP'))).toEqual([]);
});

// The photo itself (the landscape) carries nothing; what it hides holds a camera's location.
const HIDING = [
  { where: "in a camera's multi-picture preview stored after it", name: 'DSC_0001.JPG', bytes: () => withMpfImage(fileBytes(photo('no-face-landscape.jpg')), fileBytes(photo('sample1.jpg'))) },
  { where: 'in a second EXIF block, behind one holding only the orientation', name: 'edited.jpg', bytes: () => withSecondExif(fileBytes(photo('no-face-landscape.jpg')), fileBytes(photo('sample1.jpg'))) },
  {
    where: 'in EXIF after a Kodak camera\'s "Exif\\0\\xff" identifier',
    name: 'DCP_0001.JPG',
    bytes: () => withSegments(fileBytes(photo('no-face-landscape.jpg')), 2, exifUnder('Exif\0\xff', fileBytes(photo('sample1.jpg')))),
  },
];

for (const { where, name, bytes } of HIDING) {
  test(`a location ${where} is found, as exiftool finds it, and removed`, async ({ composer: { page, input } }) => {
    const jpeg = Buffer.from(bytes());
    expect(Object.keys(exiftoolTagsOf(jpeg, '-ee', '-G3')).some((key) => key.endsWith(':GPSLatitudeRef'))).toBe(true);

    await input().setInputFiles({ name, mimeType: 'image/jpeg', buffer: jpeg });
    const card = (await overlayFrame(page)).locator('[data-guard-photo]');
    await expect(card).toHaveAttribute('data-faces', '0'); // the photo's own pixels: the landscape
    await expect(card).toHaveAttribute('data-metadata', 'gps,datetime,camera,software');
    await expect(card.locator('.metadata')).toContainText('37.31964° N, 121.94650° W');
    await (await overlayFrame(page)).locator('[data-action="protect"]').click();

    await expect.poll(() => received(page)).toHaveLength(1);
    const tags = exiftoolTagsOf(Buffer.from((await received(page))[0]!.base64, 'base64'), '-ee', '-G3');
    expect(Object.keys(tags).filter((key) => /^Doc|GPS|Make/.test(key))).toEqual([]);
  });
}

test('the copyright and comment of Photoshop\'s "Save for Web" note are shown in plain words, and removed', async ({ composer: { page, input } }) => {
  const dir = mkdtempSync(join(tmpdir(), 'photo-guard-ducky-'));
  const file = join(dir, 'saved-for-web.jpg');
  writeFileSync(file, fileBytes(photo('no-face-landscape.jpg')));
  execFileSync('exiftool', ['-q', '-overwrite_original', '-Ducky:Quality=60', '-Ducky:Copyright=Jane Martin', '-Ducky:Comment=Lily at Bluebell nursery', file]);

  await input().setInputFiles(file);
  const card = (await overlayFrame(page)).locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-metadata', 'owner,comment');
  await expect(card.locator('.metadata')).toContainText('Jane Martin');
  await expect(card.locator('.metadata')).toContainText('Lily at Bluebell nursery');
  await (await overlayFrame(page)).locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const tags = exiftoolTagsOf(Buffer.from((await received(page))[0]!.base64, 'base64'));
  expect(Object.keys(tags).filter((key) => key.startsWith('Ducky:'))).toEqual([]);
});
