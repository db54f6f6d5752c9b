import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iou } from '../../models/boxes';
import { tiffPixels, upright } from '../../models/tiff-pixels';
import { annotatedPhotos } from '../support/annotations';
import { expect, test } from '../support/composer-test';
import { exiftoolTags } from '../support/exiftool';
import { fileBytes, overlayFrame, received, sha256, writeReceived } from '../support/guard-page';
import { photo } from '../support/sites';
import { rgbProfile, SRGB_PRIMARIES } from '../support/icc';
import { photoTiff, rgbTiff } from '../support/tiff';

// A scan or a raw converter's export: no browser decodes TIFF, and Facebook takes it.
const dir = mkdtempSync(join(tmpdir(), 'photo-guard-tiff-'));
const faces = annotatedPhotos().find((p) => p.file === 'sample2.jpg')!.faces;
const pixels = () => tiffPixels(photoTiff(fileBytes(photo('sample2.jpg')), 1920, 1367));

/** Each annotated face has a box of the card's over it. */
function expectBoxes(boxesJson: string | null): void {
  const boxes = JSON.parse(boxesJson!) as number[][];
  expect(boxes).toHaveLength(faces.length);
  for (const [x, y, width, height] of faces) {
    expect(boxes.some(([bx, by, bw, bh]) => iou({ x: x!, y: y!, width: width!, height: height! }, { x: bx!, y: by!, width: bw!, height: bh! }) >= 0.3)).toBe(true);
  }
}

test('a TIFF is decoded by the extension: its faces are found, and masked it is posted as a JPEG of its full size', async ({ composer: { page, input, reports } }) => {
  const path = join(dir, 'scan.tif');
  writeFileSync(path, rgbTiff(pixels()));
  utimesSync(path, 1_700_000_000, 1_700_000_000);
  await input().setInputFiles(path);
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', String(faces.length), { timeout: 60_000 });
  expectBoxes(await card.getAttribute('data-boxes'));
  await expect.poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await overlay.locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  expect(file).toMatchObject({ name: 'scan.jpg', type: 'image/jpeg', lastModified: 1_700_000_000_000 });
  const out = writeReceived(dir, 'masked.jpg', file!);
  const tags = exiftoolTags(out);
  expect([tags['File:ImageWidth'], tags['File:ImageHeight']]).toEqual([1920, 1367]);
  // Asked again, the detector finds no face in it, and nothing to report: it passes.
  reports.length = 0;
  await input().setInputFiles(out);
  await expect.poll(() => reports).toEqual(['photo-guard: masked.jpg: 0 face(s), metadata: none']);
});

test('a TIFF stored sideways and turned by its Orientation tag is checked upright; "Post original" sends it byte for byte', async ({ composer: { page, input } }) => {
  // sample2 stored a quarter turn anticlockwise, tagged to be shown turned back (orientation 6).
  const tiff = Buffer.from(rgbTiff(upright(pixels().data, 1920, 1367, 8), [[274, 3, [6]]]));
  await input().setInputFiles({ name: 'scan.tiff', mimeType: 'image/tiff', buffer: tiff });
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', String(faces.length), { timeout: 60_000 });
  expectBoxes(await card.getAttribute('data-boxes'));
  await overlay.locator('[data-action="original"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]).toMatchObject({ name: 'scan.tiff', type: 'image/tiff', sha256: sha256(tiff) });
});

test("a TIFF's colour profile is kept for its masked JPEG: its colours are shown as stored, not read as sRGB", async ({ composer: { page, input } }) => {
  // A corner painted pure red, in a profile whose red primary is sRGB's green: colour-managed, it shows green.
  const image = pixels();
  for (let y = 0; y < 64; y++) image.data.set(new Array(64).fill([255, 0, 0, 255]).flat(), y * 1920 * 4);
  const { red, green, blue } = SRGB_PRIMARIES;
  const profile = rgbProfile('Swapped RGB', { red: green, green: red, blue });
  await input().setInputFiles({ name: 'scan.tif', mimeType: 'image/tiff', buffer: Buffer.from(rgbTiff(image, [[34675, 7, [...profile]]])) });
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', String(faces.length), { timeout: 60_000 });
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const corner = await page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${data}`)).blob());
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    return [...context.getImageData(32, 32, 1, 1).data];
  }, (await received(page))[0]!.base64);
  expect(corner[1]).toBeGreaterThan(200);
  expect(corner[0]).toBeLessThan(80);
});
