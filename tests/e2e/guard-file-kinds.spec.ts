import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { readContainer } from '../../photo/segments';
import { annotatedPhotos } from '../support/annotations';
import { beforeIend, chunk } from '../support/apng';
import { expect, test } from '../support/composer-test';
import { decodeInPage, expectSample1At, fileBytes, overlayFrame, received, sha256, stackedInPage } from '../support/guard-page';
import { exiftoolTagsOf } from '../support/exiftool';
import { heifWith, JANE_XMP } from '../support/heif';
import { motionPhotos } from '../support/motion-photo';
import { photo } from '../support/sites';
import { taggedTiff } from '../support/tiff';

/** A camera's EXIF (location, date, camera), "Exif\0\0" and the TIFF block, from sample1.jpg. */
function cameraExif(): Uint8Array {
  const jpeg = fileBytes(photo('sample1.jpg'));
  const exif = readContainer(jpeg).segments.find((s) => s.kind === 'exif')!;
  return jpeg.subarray(exif.start + 4, exif.end);
}

test('an iPhone photo the browser could not type ("IMG_0001.HEIC"), its image unreadable, is held; its location is shown and removed in place', async ({ composer: { page, input } }) => {
  // Browsers give such files no type or a generic one (Chromium on Linux types "x.heic" but not
  // "x.HEIC"); Playwright fills in an empty type itself, so the generic one is what it can send.
  const heic = Buffer.from(heifWith(cameraExif().subarray(6), JANE_XMP));
  const type = 'application/octet-stream';
  await input().setInputFiles({ name: 'IMG_0001.HEIC', mimeType: type, buffer: heic });
  const overlay = await overlayFrame(page);
  expect(await received(page)).toEqual([]);
  const card = overlay.locator('[data-guard-photo]');
  // Its image item holds no HEVC: not even the extension's own decoder can open it.
  await expect(card).toHaveAttribute('data-faces', 'unknown');
  // Why, and what to do: the user must look, or post a copy that can be checked.
  await expect(card.locator('figcaption')).toContainText('HEIC photo couldn’t be opened');
  await expect(card.locator('figcaption')).toContainText('JPEG copy');
  expect((await card.getAttribute('data-metadata'))!.split(',')).toEqual(expect.arrayContaining(['gps', 'xmp']));
  await expect(overlay.locator('[data-option="strip"]')).toBeChecked();
  await overlay.locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  expect(file).toMatchObject({ name: 'IMG_0001.HEIC', type, size: heic.length });
  const tags = exiftoolTagsOf(Buffer.from(file!.base64, 'base64'));
  expect(Object.keys(tags).filter((key) => /^(GPS|IFD0|ExifIFD|XMP)/.test(key))).toEqual([]);
});

test('a TIFF (a scan, a raw converter\'s export: Facebook takes them, no browser opens them) is held; its location, camera and author are shown and removed in place', async ({ composer: { page, input } }) => {
  const tiff = Buffer.from(taggedTiff());
  await input().setInputFiles({ name: 'scan.tif', mimeType: 'image/tiff', buffer: tiff });
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  // Decoded by the extension (see guard-tiff.spec.ts): a gradient, no face.
  await expect(card).toHaveAttribute('data-faces', '0');
  expect((await card.getAttribute('data-metadata'))!.split(',')).toEqual(['gps', 'datetime', 'camera', 'serial', 'owner', 'xmp', 'iptc', 'comment']);
  await expect(card).toContainText('48.85660° N');
  await expect(overlay.locator('[data-option="strip"]')).toBeChecked();
  await overlay.locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  expect(file).toMatchObject({ name: 'scan.tif', type: 'image/tiff', size: tiff.length });
  const tags = exiftoolTagsOf(Buffer.from(file!.base64, 'base64'));
  expect(Object.keys(tags).filter((key) => /GPS|Make|Model|Serial|Artist|Description|XMP|IPTC|DateTime/.test(key))).toEqual([]);
  expect(tags['IFD0:Orientation']).toBe('Rotate 90 CW');
});

test("a motion photo's hidden video is shown and removed, the still's pixels unchanged", async ({ composer: { page, input } }) => {
  // A photo with no face and no EXIF, which used to pass straight through, video and all.
  const still = fileBytes(photo('no-face-landscape.jpg'));
  const motion = Buffer.from(motionPhotos(still, fileBytes(photo('sample2.jpg'))).samsung);
  await input().setInputFiles({ name: 'motion.jpg', mimeType: 'image/jpeg', buffer: motion });
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-metadata', 'video');
  await expect(card).toContainText('motion photo');
  await expect(card).toHaveAttribute('data-faces', '0');
  await expect(overlay.locator('[data-option="strip"]')).toBeChecked();
  await overlay.locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const delivered = Buffer.from((await received(page))[0]!.base64, 'base64');
  expect(delivered.indexOf('ftyp')).toBe(-1);
  expect(delivered.length).toBeLessThanOrEqual(still.length);
  const [before, after] = await decodeInPage(page, [Buffer.from(still).toString('base64'), delivered.toString('base64')]);
  expect(after).toEqual(before);
});

test('a video picked with photos reaches the site untouched and in its place', async ({ composer: { page, input } }) => {
  const video = { name: 'clip.mp4', mimeType: 'video/mp4', buffer: Buffer.concat([Buffer.from('000000206674797069736f6d', 'hex'), Buffer.alloc(3000, 3)]) };
  const picked = [photo('sample1.jpg'), photo('no-face-landscape.jpg')].map((path) => ({
    name: path.split('/').pop()!,
    mimeType: 'image/jpeg',
    buffer: Buffer.from(fileBytes(path)),
  }));
  await input().setInputFiles([picked[0]!, video, picked[1]!]);
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveCount(2); // the video is not a photo to check
  await expect(overlay.locator('[data-action="protect"]')).toBeEnabled();
  await overlay.locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(3);
  const [masked, clip, landscape] = await received(page);
  expect([masked!.name, clip!.name, landscape!.name]).toEqual(['sample1.jpg', 'clip.mp4', 'no-face-landscape.jpg']);
  expect(clip).toMatchObject({ type: 'video/mp4', sha256: sha256(video.buffer) });
  expect(landscape!.sha256).toBe(sha256(picked[1]!.buffer)); // nothing to protect in it
  expect(masked!.sha256).not.toBe(sha256(picked[0]!.buffer));
});

test('a photo of 55 MB, more than a runtime message carries as base64, is still checked, its faces boxed in its own pixels', async ({ composer: { page, input } }) => {
  // 3840×2560: the photo at twice its size, followed by data a viewer ignores (as a camera's
  // multi-picture trailer is). Sent as a parcel (see guard-courier.spec.ts), or as a copy at the
  // detector's working size when it must go by runtime messages.
  const doubled = await stackedInPage(page, photo('sample1.jpg'), { scale: 2 });
  const big = join(mkdtempSync(join(tmpdir(), 'photo-guard-big-')), 'big.jpg');
  writeFileSync(big, Buffer.concat([doubled, randomBytes(50 * 1024 * 1024)]));
  await input().setInputFiles(big);
  const overlay = await overlayFrame(page);
  await expectSample1At(2, overlay.locator('[data-guard-photo]'));

  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [masked] = await received(page);
  const [decoded] = await decodeInPage(page, [masked!.base64]);
  const { width, height } = annotatedPhotos().find((p) => p.file === 'sample1.jpg')!;
  expect([decoded!.width, decoded!.height]).toEqual([2 * width, 2 * height]);
});

test('a photo that can no longer be read (gone from the disk since it was picked) is shown as unchecked and still reaches the site', async ({ composer: { page, input } }) => {
  const later = join(mkdtempSync(join(tmpdir(), 'photo-guard-changed-')), 'later.jpg');
  copyFileSync(photo('sample2.jpg'), later);
  // A second pick waits, unread, while the first is decided; meanwhile its file goes (a removed
  // drive, a cloud folder syncing), and Chromium can no longer read it.
  await input().setInputFiles(photo('sample1.jpg'));
  await input().setInputFiles(later);
  unlinkSync(later);
  const first = await overlayFrame(page);
  await first.locator('[data-action="original"]').click();
  await expect.poll(() => first.isDetached()).toBe(true);

  const second = await overlayFrame(page);
  await expect(second.locator('[data-guard-photo]')).toHaveAttribute('data-faces', 'unknown');
  await expect(second.locator('[data-guard-photo] figcaption')).toContainText('Couldn’t open this photo');
  await second.locator('[data-action="original"]').click();
  // The site's own reading fails too, so its upload stub records nothing: the input shows it got it.
  await expect.poll(() => input().evaluate((el: HTMLInputElement) => Array.from(el.files ?? [], (f) => f.name))).toEqual(['later.jpg']);
});

test('a PNG made by ImageMagick from a phone photo: the location in its compressed EXIF note is shown, and removed', async ({ composer: { page, input } }) => {
  // ImageMagick keeps the photo's EXIF, hex-encoded, in a zTXt chunk "Raw profile type exif".
  const block = Buffer.from(cameraExif());
  const profile = `\nexif\n${String(block.length).padStart(8)}\n${block.toString('hex').replace(/.{1,72}/g, '$&\n')}`;
  const note = chunk('zTXt', [...Buffer.from('Raw profile type exif\0\0', 'latin1'), ...deflateSync(profile)]);
  const png = Buffer.from(beforeIend(fileBytes(photo('no-face-pattern.png')), note));
  expect(exiftoolTagsOf(png)['GPS:GPSLatitudeRef']).toBe('North');

  await input().setInputFiles({ name: 'beach.png', mimeType: 'image/png', buffer: png });
  const card = (await overlayFrame(page)).locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', '0');
  expect((await card.getAttribute('data-metadata'))!.split(',')).toEqual(expect.arrayContaining(['gps', 'camera', 'text']));
  await expect(card.locator('.metadata')).toContainText('37.31964° N, 121.94650° W');
  await (await overlayFrame(page)).locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const tags = exiftoolTagsOf(Buffer.from((await received(page))[0]!.base64, 'base64'));
  expect(Object.keys(tags).filter((key) => /GPS|Make|Model|Raw/.test(key))).toEqual([]);
});

test('an animated AVIF (an image sequence) is taken for an animation: only its first frame could be checked', async ({ composer: { page, input } }) => {
  const avif = Buffer.from(heifWith(cameraExif().subarray(6), JANE_XMP));
  avif.write('avis', 8, 'latin1'); // the major brand of an AVIF image sequence
  avif.write('avifmsf1', 16, 'latin1');
  await input().setInputFiles({ name: 'party.avif', mimeType: 'image/avif', buffer: avif });
  const card = (await overlayFrame(page)).locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-animated', 'true');
  await expect(card).toContainText('only its first frame could be checked');
});
