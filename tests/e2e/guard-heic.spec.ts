import { statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iou } from '../../models/boxes';
import { annotatedPhotos } from '../support/annotations';
import type { Locator } from '@playwright/test';
import { expect, test } from '../support/composer-test';
import { exiftoolTags } from '../support/exiftool';
import { fileBytes, overlayFrame, overlayShown, received, sha256, writeReceived } from '../support/guard-page';
import { rotatedHeif } from '../support/heif';
import { photo } from '../support/sites';

const dir = mkdtempSync(join(tmpdir(), 'photo-guard-heic-'));
const HEIC = photo('sample2.heic'); // sample2.jpg encoded by libheif's heif-enc, its EXIF kept
const faces = annotatedPhotos().find((p) => p.file === 'sample2.jpg')!.faces;

/** Each annotated face (`[x, y, w, h]`) has a box of the card's over it. */
async function expectBoxesOn(card: Locator, annotated: number[][]): Promise<void> {
  await expect(card).toHaveAttribute('data-faces', String(annotated.length), { timeout: 60_000 });
  const boxes = JSON.parse((await card.getAttribute('data-boxes'))!) as number[][];
  for (const [x, y, width, height] of annotated) {
    const box = { x: x!, y: y!, width: width!, height: height! };
    expect(boxes.some(([bx, by, bw, bh]) => iou(box, { x: bx!, y: by!, width: bw!, height: bh! }) >= 0.3)).toBe(true);
  }
}

test('an iPhone HEIC, which the browser cannot open, is decoded by the extension: its faces are found and shown', async ({ composer: { page, input } }) => {
  await input().setInputFiles({ name: 'IMG_0002.HEIC', mimeType: 'image/heic', buffer: Buffer.from(fileBytes(HEIC)) });
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expectBoxesOn(card, faces);
  expect((await card.getAttribute('data-metadata'))!.split(',')).toEqual(expect.arrayContaining(['gps', 'camera']));
  // The photo itself is shown, drawn from the extension's decoding.
  await expect.poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(overlay.locator('[data-option="mask"]')).toBeChecked();

  // "Post original": the HEIC itself, byte for byte.
  await overlay.locator('[data-action="original"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  expect(file).toMatchObject({ name: 'IMG_0002.HEIC', type: 'image/heic', sha256: sha256(fileBytes(HEIC)) });
});

// Browsers cannot write HEIC, nor AVIF (which they read): masked, such a photo is a JPEG, and its
// name says so — not the PNG a browser writes by default, tens of MB for a phone's photo.
for (const [kind, original] of [['HEIC', HEIC], ['AVIF', photo('sample2.avif')]] as const) {
  test(`a${kind === 'AVIF' ? 'n' : ''} ${kind} masked is posted as a JPEG of its full size, faces covered, no location left`, async ({ composer: { page, input, reports } }) => {
    await input().setInputFiles(original);
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', String(faces.length), { timeout: 60_000 });
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
    const [file] = await received(page);
    expect(file).toMatchObject({ name: 'sample2.jpg', type: 'image/jpeg', lastModified: Math.floor(statSync(original).mtimeMs) });
    const out = writeReceived(dir, 'masked.jpg', file!);
    const tags = exiftoolTags(out);
    expect([tags['File:ImageWidth'], tags['File:ImageHeight']]).toEqual([1920, 1367]);
    expect(Object.keys(tags).filter((k) => /^(GPS|IFD0|ExifIFD|XMP|IPTC)/.test(k))).toEqual([]);

    // Asked again, the detector finds no face in it, and nothing to report: it passes.
    reports.length = 0;
    await input().setInputFiles(out);
    await expect.poll(() => reports).toEqual(['photo-guard: masked.jpg: 0 face(s), metadata: none']);
  });
}

test('a portrait iPhone HEIC, its picture stored sideways and turned by its rotation property, is checked and masked upright', async ({ composer: { page, input } }) => {
  // sample2.jpg stored a quarter turn clockwise, as a phone's sensor records a portrait photo, and
  // given the property that turns it back: shown, it is sample2.jpg, with the same faces.
  const turned = rotatedHeif(fileBytes(photo('sample2-sideways.heic')), 1);
  await input().setInputFiles({ name: 'IMG_0003.HEIC', mimeType: 'image/heic', buffer: Buffer.from(turned) });
  const overlay = await overlayFrame(page);
  await expectBoxesOn(overlay.locator('[data-guard-photo]'), faces);
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const out = writeReceived(dir, 'turned.jpg', (await received(page))[0]!);
  const tags = exiftoolTags(out);
  expect([tags['File:ImageWidth'], tags['File:ImageHeight'], tags['IFD0:Orientation']]).toEqual([1920, 1367, undefined]);
});

test('a HEIC with its details removed alone stays the same HEIC, its location gone, still opened and checked', async ({ composer: { page, input } }) => {
  await input().setInputFiles(HEIC);
  let overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', String(faces.length), { timeout: 60_000 });
  await overlay.locator('[data-option="mask"]').uncheck();
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  // The type Playwright gave the picked file (image/heif, by its name), kept.
  expect(file).toMatchObject({ name: 'sample2.heic', type: 'image/heif', size: fileBytes(HEIC).length });
  const out = writeReceived(dir, 'stripped.heic', file!);
  expect(Object.keys(exiftoolTags(out)).filter((k) => /^(GPS|IFD0|ExifIFD|XMP|IPTC)/.test(k))).toEqual([]);

  // Picked again, the stripped file is decoded as before: the same faces, nothing left to report.
  await expect.poll(() => overlayShown(page)).toBe(false);
  await input().setInputFiles(out);
  overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expectBoxesOn(card, faces);
  await expect(card).toHaveAttribute('data-metadata', '');
});

test("an iPhone HEIC stored as a grid of tiles, which the extension's workers decode together, is checked and masked whole", async ({ composer: { page, input } }) => {
  const grid = photo('sample4-grid.heic'); // sample4.jpg as 4 × 3 coded tiles of 512 px, cut to its size
  await input().setInputFiles({ name: 'IMG_0004.HEIC', mimeType: 'image/heic', buffer: Buffer.from(fileBytes(grid)) });
  const overlay = await overlayFrame(page);
  await expectBoxesOn(overlay.locator('[data-guard-photo]'), annotatedPhotos().find((p) => p.file === 'sample4.jpg')!.faces);
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  expect(file).toMatchObject({ name: 'IMG_0004.jpg', type: 'image/jpeg' });
  const out = writeReceived(dir, 'grid.jpg', file!);
  const tags = exiftoolTags(out);
  expect([tags['File:ImageWidth'], tags['File:ImageHeight']]).toEqual([1920, 1448]);
});
