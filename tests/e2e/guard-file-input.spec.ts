import { expect, test } from '../support/composer-test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContainer } from '../../photo/segments';
import { stripMetadata } from '../../photo/strip';
import { decodeInPage, expectPostedUntouched, fileBytes, overlayFrame, overlayShown, received, sha256, writeReceived } from '../support/guard-page';
import { annotatedPhotos } from '../support/annotations';
import { iou } from '../../models/boxes';
import { photo } from '../support/sites';
import { closedShadowText } from '../support/closed-shadow';
import { exiftoolTags } from '../support/exiftool';

const dir = mkdtempSync(join(tmpdir(), 'photo-guard-e2e-'));

test('a photo with faces and GPS is held back and shown; "Post original" delivers it byte for byte', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('sample1.jpg'));
  const overlay = await overlayFrame(page);
  await expect(page.locator('photo-guard-status')).toHaveCount(0);
  expect(await received(page)).toEqual([]); // the site has seen nothing yet
  // Nor can it read the photo from the input itself, without waiting for the event.
  expect(await input().evaluate((el: HTMLInputElement) => el.files?.length)).toBe(0);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', '3');
  expect((await card.getAttribute('data-metadata'))!.split(',')).toEqual(expect.arrayContaining(['gps', 'datetime', 'camera']));
  expect(JSON.parse((await card.getAttribute('data-boxes'))!)).toHaveLength(3);
  await expect(overlay.locator('[data-option="mask"]')).toBeChecked();
  await expect(overlay.locator('[data-option="strip"]')).toBeChecked();
  await overlay.locator('[data-action="original"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  const original = fileBytes(photo('sample1.jpg'));
  expect(file!.sha256).toBe(sha256(original));
  expect(file).toMatchObject({ name: 'sample1.jpg', type: 'image/jpeg', lastModified: Math.floor(statSync(photo('sample1.jpg')).mtimeMs) });
  expect(await input().evaluate((el: HTMLInputElement) => Array.from(el.files ?? [], (f) => f.name))).toEqual(['sample1.jpg']);
});

test('"Cancel" gives the site nothing and lets the same file be picked again', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('sample2.jpg'));
  await (await overlayFrame(page)).locator('[data-action="cancel"]').click();
  await expect.poll(() => overlayShown(page)).toBe(false);
  expect(await received(page)).toEqual([]);
  expect(await input().evaluate((el: HTMLInputElement) => el.files?.length)).toBe(0);
});

test('Esc closes the overlay like "Cancel"', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('sample6.jpg'));
  await (await overlayFrame(page)).locator('[data-guard="overlay"]').press('Escape');
  await expect.poll(() => overlayShown(page)).toBe(false);
  expect(await received(page)).toEqual([]);
});

test('"Protect and post" masks every face and removes the metadata', async ({ composer: { page, input, reports } }) => {
  await input().setInputFiles(photo('sample4.jpg'));
  await (await overlayFrame(page)).locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  expect(file).toMatchObject({ name: 'sample4.jpg', type: 'image/jpeg' });
  const out = writeReceived(dir, 'protected.jpg', file!);
  const tags = exiftoolTags(out);
  expect(Object.keys(tags).filter((k) => /GPS|Serial|Artist|Owner|XMP|IPTC|ExifIFD/.test(k))).toEqual([]);

  // The detector, asked again about the protected photo, finds no face and nothing to report: it passes.
  reports.length = 0;
  await input().setInputFiles(out);
  await expect.poll(() => reports).toEqual(['photo-guard: protected.jpg: 0 face(s), metadata: none']);
  await expect.poll(() => received(page)).toHaveLength(2);
});

test('a face unticked by clicking its box on the photo is left as it was; the others are masked', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('sample4.jpg'));
  let overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', /^[2-9]$/);
  const boxes = JSON.parse((await card.getAttribute('data-boxes'))!) as number[][];
  // Faces are numbered as one reads the photo: row by row, left to right.
  const centres = boxes.map(([x, y, w, h]) => [x! + w! / 2, y! + h! / 2] as const);
  expect(centres.every(([, cy], i) => i === 0 || cy >= centres[i - 1]![1] - boxes[i - 1]![3]! / 2)).toBe(true);
  // Pointing at a face's checkbox lights its box, so crowded boxes can be told apart.
  await overlay.locator('[data-face-index="1"]').focus();
  await expect(card.locator('.box').nth(1)).toHaveClass(/\blit\b/);
  await card.locator('.box').nth(1).click();
  await expect(overlay.locator('[data-face-index="1"]')).not.toBeChecked();
  await expect(overlay.locator('[data-face-index="0"]')).toBeChecked();
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const out = writeReceived(dir, 'one-left.jpg', (await received(page))[0]!);

  // Asked again, the detector finds that one face, and only it.
  await expect.poll(() => overlayShown(page)).toBe(false);
  await input().setInputFiles(out);
  overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '1');
  const [left] = JSON.parse((await overlay.locator('[data-guard-photo]').getAttribute('data-boxes'))!) as number[][];
  const [x, y, w, h] = left!;
  const [bx, by, bw, bh] = boxes[1]!;
  expect(iou({ x: x!, y: y!, width: w!, height: h! }, { x: bx!, y: by!, width: bw!, height: bh! })).toBeGreaterThan(0.5);
});

test('metadata removal alone is lossless: the compressed image data is unchanged', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('sample3.jpg'));
  const overlay = await overlayFrame(page);
  // The overlay opens on the photo's metadata; the choices are set once its faces are found.
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
  await overlay.locator('[data-option="mask"]').uncheck();
  // By keyboard, as a user without a mouse would.
  await overlay.locator('[data-action="protect"]').press('Enter');
  await expect.poll(() => received(page)).toHaveLength(1);
  const delivered = (await received(page))[0]!.base64;
  expect(Buffer.from(delivered, 'base64').equals(Buffer.from(stripMetadata(fileBytes(photo('sample3.jpg')))))).toBe(true);
  const [before, after] = await decodeInPage(page, [Buffer.from(fileBytes(photo('sample3.jpg'))).toString('base64'), delivered]);
  expect(after).toEqual(before);
});

test('a photo with nothing to report passes untouched without an overlay', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('no-face-landscape.jpg'));
  await expectPostedUntouched(page, photo('no-face-landscape.jpg'));
});

test('a file the browser cannot decode is shown as unknown and reaches the site untouched', async ({ composer: { page, input } }) => {
  const broken = join(dir, 'broken.jpg');
  writeFileSync(broken, fileBytes(photo('sample5.jpg')).subarray(0, 4000));
  await input().setInputFiles(broken);
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', 'unknown');
  // Cut before its image, its container cannot be walked either: its details are unknown, not absent.
  await expect(overlay.locator('[data-guard-photo] .metadata')).toHaveText(/hidden details .* couldn’t be read/);
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]!.sha256).toBe(sha256(fileBytes(broken)));
});

test('a JPEG cut short in its image: its location is shown and, chosen, removed from what it holds', async ({ composer: { page, input } }) => {
  const original = fileBytes(photo('sample4.jpg'));
  const cut = join(dir, 'cut.jpg');
  writeFileSync(cut, original.subarray(0, Math.round(original.length * 0.7)));
  await input().setInputFiles(cut);
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', 'unknown');
  expect((await card.getAttribute('data-metadata'))!.split(',')).toContain('gps');
  await expect(overlay.locator('[data-option="strip"]')).toBeChecked();
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const out = writeReceived(dir, 'cut-stripped.jpg', (await received(page))[0]!);
  expect(Object.keys(exiftoolTags(out)).filter((k) => /GPS|IFD0|ExifIFD|XMP/.test(k))).toEqual([]);
});

/** sample1.jpg with `bytes` between its EXIF segment and the next, written as `name`: its path. */
function sample1With(bytes: number[], name: string): string {
  const original = fileBytes(photo('sample1.jpg'));
  const afterExif = readContainer(original).segments.find((s) => s.kind === 'exif')!.end;
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array([...original.subarray(0, afterExif), ...bytes, ...original.subarray(afterExif)]));
  return path;
}

test('a JPEG with zeros between its segments is read and stripped like any other', async ({ composer: { page, input } }) => {
  const original = fileBytes(photo('sample1.jpg'));
  await input().setInputFiles(sample1With([0, 0, 0, 0], 'padded.jpg'));
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', '3');
  expect((await card.getAttribute('data-metadata'))!.split(',')).toContain('gps');
  await overlay.locator('[data-option="mask"]').uncheck();
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const out = writeReceived(dir, 'padded-stripped.jpg', (await received(page))[0]!);
  expect(Object.keys(exiftoolTags(out)).filter((k) => /GPS|ExifIFD|XMP/.test(k))).toEqual([]);
  // Stripped, not redrawn: the compressed image is the same.
  expect(fileBytes(out).subarray(-4096)).toEqual(original.subarray(-4096));
});

test('a photo whose details cannot be read but which the browser draws: "Remove the hidden details" redraws it', async ({ composer: { page, input } }) => {
  // Stray bytes between its EXIF and the next segment: decoders skip them, the metadata reader
  // does not guess past them (a segment's length may be what is wrong).
  const odd = sample1With([7, 7, 7, 7], 'odd.jpg');
  await input().setInputFiles(odd);
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', '3');
  await expect(card.locator('.metadata')).toHaveText(/couldn’t be read/);
  await expect(overlay.locator('[data-option="strip"]')).toBeChecked();
  await overlay.locator('[data-option="mask"]').uncheck();
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const out = writeReceived(dir, 'redrawn.jpg', (await received(page))[0]!);
  const tags = exiftoolTags(out);
  expect(Object.keys(tags).filter((k) => /GPS|IFD0|ExifIFD|XMP/.test(k))).toEqual([]);
  expect([tags['File:ImageWidth'], tags['File:ImageHeight']]).toEqual([exiftoolTags(odd)['File:ImageWidth'], exiftoolTags(odd)['File:ImageHeight']]);
});

test('a photo with EXIF orientation 6 is analysed and masked as it is displayed, upright', async ({ composer: { page, input, reports } }) => {
  const rotated = join(dir, 'rotated.jpg');
  copyFileSync(photo('sample6.jpg'), rotated);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-Orientation#=6', rotated]);
  await input().setInputFiles(rotated);
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', '4');
  // Shown rotated 90° clockwise, the stored 1920×1537 photo is 1537 wide: (x, y) -> (1537 - y - h, x).
  const { height, faces } = annotatedPhotos().find((p) => p.file === 'sample6.jpg')!;
  const expected = faces.map(([x, y, w, h]) => ({ x: height - y! - h!, y: x!, width: h!, height: w! }));
  const boxes = (JSON.parse((await card.getAttribute('data-boxes'))!) as number[][]).map(([x, y, width, height]) => ({ x: x!, y: y!, width: width!, height: height! }));
  for (const face of expected) expect(Math.max(...boxes.map((b) => iou(b, face)))).toBeGreaterThan(0.4);

  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [decoded] = await decodeInPage(page, [(await received(page))[0]!.base64]);
  expect([decoded!.width, decoded!.height]).toEqual([1537, 1920]); // upright, pixels rotated

  const out = writeReceived(dir, 'rotated-protected.jpg', (await received(page))[0]!);
  reports.length = 0;
  await input().setInputFiles(out);
  await expect.poll(() => reports).toEqual(['photo-guard: rotated-protected.jpg: 0 face(s), metadata: none']);
});

test('of more than 20 photos, 20 are checked and posted; the others are not added, and the user is told', async ({ composer: { page, input, reports } }) => {
  const small = fileBytes(photo('no-face-small.webp'));
  const files = Array.from({ length: 21 }, (_, i) => ({ name: `small-${i + 1}.webp`, mimeType: 'image/webp', buffer: Buffer.from(small) }));
  await input().setInputFiles(files);
  await expect.poll(() => received(page), { timeout: 80_000 }).toHaveLength(20);
  expect((await received(page)).map((f) => f.name)).toEqual(files.slice(0, 20).map((f) => f.name));
  expect(reports).toHaveLength(20);
  await expect.poll(() => closedShadowText(page, 'photo-guard-status')).toContain('checks up to 20 photos at a time: 1 more was not added');
});

test('a photo picked again before the first is decided waits its turn and is not lost', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('sample1.jpg'));
  await input().setInputFiles(photo('sample2.jpg'));
  const first = await overlayFrame(page);
  await expect(first.locator('[data-guard-photo] img')).toHaveAttribute('alt', 'sample1.jpg');
  await first.locator('[data-action="original"]').click();
  await expect.poll(() => first.isDetached()).toBe(true);

  const second = await overlayFrame(page);
  await expect(second.locator('[data-guard-photo] img')).toHaveAttribute('alt', 'sample2.jpg');
  await second.locator('[data-action="original"]').click();
  await expect.poll(() => received(page)).toHaveLength(2);
  const sent = await received(page);
  expect(sent.map((f) => [f.name, f.sha256])).toEqual(['sample1.jpg', 'sample2.jpg'].map((name) => [name, sha256(fileBytes(photo(name)))]));
});
