import { expect, test } from '../support/composer-test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readGif, shownFrames } from '../../photo/gif-frames';
import { apngOf } from '../support/apng';
import { boxesNotMasked, gifWith, photoRgbaInPage, quantised } from '../support/gif';
import { decodeInPage, fileBytes, overlayFrame, overlayShown, received, sha256 } from '../support/guard-page';
import { JANE_XMP } from '../support/heif';
import { photo } from '../support/sites';
import { annotatedPhotos } from '../support/annotations';
import { iou } from '../../models/boxes';

const rect = ([x, y, width, height]: number[]) => ({ x: x!, y: y!, width: width!, height: height! });

/** A photo's pixels at `width` across, decoded by the page. */
async function pixelsInPage(page: Page, path: string, width: number) {
  const { height, base64 } = await page.evaluate(photoRgbaInPage, [readFileSync(path).toString('base64'), width] as const);
  return { width, height, rgba: new Uint8Array(Buffer.from(base64, 'base64')) };
}

const gif = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'image/gif', buffer: Buffer.from(bytes) });

test('an animated GIF every frame of which shows nothing passes straight through', async ({ composer: { page, input } }) => {
  const animation = gif('party.gif', gifWith({ width: 160, height: 120, frames: [30, 220, 120] }));
  await input().setInputFiles(animation);
  await expect.poll(() => received(page)).toHaveLength(1);
  expect(await overlayShown(page)).toBe(false);
  expect((await received(page))[0]).toMatchObject({ name: 'party.gif', type: 'image/gif', sha256: sha256(animation.buffer) });
});

/** Three frames: grey, a photo of three children (sample1, 480 px wide), grey; and where their faces are. */
async function partyGif(page: Page) {
  const { width, height, rgba } = await pixelsInPage(page, photo('sample1.jpg'), 480);
  const { palette, pixels } = quantised(rgba);
  const scale = width / annotatedPhotos().find((p) => p.file === 'sample1.jpg')!.width;
  const faces = annotatedPhotos().find((p) => p.file === 'sample1.jpg')!.faces.map(([x, y, w, h]) => rect([x! * scale, y! * scale, w! * scale, h! * scale]));
  return { width, height, faces, animation: gif('party.gif', gifWith({ width, height, palette, frames: [40, pixels, 40] })) };
}

test("a face in a GIF's second frame is found, and masked in every frame; the GIF stays animated", async ({ composer: { page, input } }) => {
  // A browser decodes only the first frame.
  const { width, height, faces, animation } = await partyGif(page);
  await input().setInputFiles(animation);
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo][data-faces]');
  await expect(card).toHaveAttribute('data-frames', '3/3');
  // Each child's face, though only the second frame shows it.
  const boxes = JSON.parse((await card.getAttribute('data-boxes'))!) as number[][];
  for (const face of faces) expect(boxes.some((box) => iou(rect(box), face) >= 0.3)).toBe(true);
  await expect(card.locator('.note')).toContainText('all 3 of its frames were checked');
  // Shown moving, the boxes over where the faces are in the frames that show them.
  expect(await card.locator('img').evaluate(async (img: HTMLImageElement) => (await (await fetch(img.src)).blob()).type)).toBe('image/gif');
  await expect(overlay.locator('[data-option="mask"]')).toBeChecked();
  await overlay.locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const [posted] = await received(page);
  expect(posted).toMatchObject({ name: 'party.gif', type: 'image/gif' });
  const bytes = new Uint8Array(Buffer.from(posted!.base64, 'base64'));
  const [decoded] = await decodeInPage(page, [posted!.base64]);
  expect(decoded).toMatchObject({ width, height });
  // Every frame, as a viewer shows it, has the mask grey at the centre of every face box.
  expect(readGif(bytes).frames).toHaveLength(3);
  expect(boxesNotMasked(bytes, boxes)).toEqual([]);

  // Picked again, the posted GIF shows none of those faces in any frame.
  await expect.poll(() => overlayShown(page)).toBe(false);
  await input().setInputFiles(gif('posted.gif', bytes));
  const again = (await overlayFrame(page)).locator('[data-guard-photo][data-faces]');
  await expect(again).toHaveAttribute('data-frames', '3/3');
  const found = JSON.parse((await again.getAttribute('data-boxes'))!) as number[][];
  for (const face of faces) expect(found.filter((box) => iou(rect(box), face) >= 0.3)).toEqual([]);
});

test('a GIF masked in the pixelated style stays animated, and shows none of its faces again', async ({ composer: { page, input, reports } }) => {
  const { faces, animation } = await partyGif(page);
  await input().setInputFiles(animation);
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-frames', '3/3');
  await overlay.locator('[data-option="style"][value="pixelate"]').check();
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const bytes = new Uint8Array(Buffer.from((await received(page))[0]!.base64, 'base64'));
  expect(readGif(bytes).frames).toHaveLength(3);
  // Blocks of several colours over a face, not one fill. Over the whole face: along one row, the
  // few blocks it crosses may all take the same palette colour once noised (a flake in CI).
  const [, second] = shownFrames(readGif(bytes), [0, 1]);
  const { x, y, width, height } = faces[0]!;
  const colours = new Set<string>();
  for (let row = Math.round(y); row < y + height; row++) {
    for (let column = Math.round(x); column < x + width; column++) {
      const at = 4 * (row * second!.width + column);
      colours.add(second!.data.subarray(at, at + 3).join());
    }
  }
  expect(colours.size).toBeGreaterThan(1);

  await expect.poll(() => overlayShown(page)).toBe(false);
  reports.length = 0;
  await input().setInputFiles(gif('posted.gif', bytes));
  await expect.poll(() => reports).toHaveLength(1);
  if (reports[0] === 'photo-guard: posted.gif: 0 face(s), metadata: none') return;
  const found = JSON.parse((await (await overlayFrame(page)).locator('[data-guard-photo]').getAttribute('data-boxes'))!) as number[][];
  for (const face of faces) expect(found.filter((box) => iou(rect(box), face) >= 0.3)).toEqual([]);
});

test('a still GIF with faces, masked, is still a GIF', async ({ composer: { page, input } }) => {
  const { width, height, rgba } = await pixelsInPage(page, photo('sample1.jpg'), 480);
  const { palette, pixels } = quantised(rgba);
  await input().setInputFiles(gif('class.gif', gifWith({ width, height, palette, frames: [pixels] })));
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo][data-faces]');
  const boxes = JSON.parse((await card.getAttribute('data-boxes'))!) as number[][];
  expect(boxes.length).toBeGreaterThanOrEqual(3);
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [posted] = await received(page);
  expect(posted).toMatchObject({ name: 'class.gif', type: 'image/gif' });
  expect(boxesNotMasked(new Uint8Array(Buffer.from(posted!.base64, 'base64')), boxes)).toEqual([]);
});

test('a long GIF is always shown: 12 of its frames, spread over it, were checked', async ({ composer: { page, input } }) => {
  await input().setInputFiles(gif('long.gif', gifWith({ width: 80, height: 60, frames: Array.from({ length: 30 }, (_, i) => i * 8) })));
  const card = (await overlayFrame(page)).locator('[data-guard-photo][data-faces]');
  await expect(card).toHaveAttribute('data-frames', '12/30');
  await expect(card).toHaveAttribute('data-faces', '0');
  await expect(card.locator('.note')).toContainText('12 of its 30 frames, spread over it, were checked');
});

test('a GIF whose second frame is damaged is checked on its first frame, as the browser shows it, and says so', async ({ composer: { page, input } }) => {
  const bytes = gifWith({ width: 160, height: 120, frames: [30, 220] });
  const second = readGif(bytes).frames[1]!.segment.start;
  // After its descriptor, code size and first sub-block length: codes no LZW table holds yet.
  bytes.fill(0xff, second + 12, second + 24);
  await input().setInputFiles(gif('damaged.gif', bytes));
  const card = (await overlayFrame(page)).locator('[data-guard-photo][data-faces]');
  await expect(card).toHaveAttribute('data-faces', '0');
  expect(await card.getAttribute('data-frames')).toBeNull();
  await expect(card.locator('.note')).toContainText('only its first frame');
});

test('an APNG is shown even when its first frame has nothing to report: only that frame could be checked', async ({ composer: { page, input } }) => {
  const animation = { name: 'party.png', mimeType: 'image/png', buffer: Buffer.from(apngOf(fileBytes(photo('no-face-pattern.png')))) };
  await input().setInputFiles(animation);
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-animated', 'true');
  await expect(card).toHaveAttribute('data-faces', '0');
  await expect(card).toHaveAttribute('data-metadata', '');
  await expect(card.locator('.note')).toContainText('only its first frame');
  expect(await received(page)).toEqual([]);
  await overlay.locator('[data-action="original"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]).toMatchObject({ name: 'party.png', type: 'image/png', sha256: sha256(animation.buffer) });
});

test("a GIF's comment and XMP are listed, what they say shown, and removed without touching its frames", async ({ composer: { page, input } }) => {
  const frames = { width: 160, height: 120, frames: [30, 220] };
  await input().setInputFiles(gif('card.gif', gifWith({ ...frames, comment: 'Lily, 4, at Bluebell nursery', xmp: JANE_XMP })));
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-metadata', 'owner,xmp,comment');
  // In plain words: who wrote the XMP, and what the comment says.
  await expect(card.locator('.metadata li')).toContainText(['Jane Parent', 'XMP', 'Lily, 4, at Bluebell nursery']);
  await expect(overlay.locator('[data-option="strip"]')).toBeChecked();
  await overlay.locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  // Byte for byte the GIF made without them: the header, palette and frames are copied as they were.
  expect((await received(page))[0]).toMatchObject({ name: 'card.gif', type: 'image/gif', sha256: sha256(gifWith(frames)) });
});

test('a still GIF with nothing to report passes straight through', async ({ composer: { page, input } }) => {
  const still = gif('still.gif', gifWith({ width: 160, height: 120, frames: [90] }));
  await input().setInputFiles(still);
  await expect.poll(() => received(page)).toHaveLength(1);
  expect(await overlayShown(page)).toBe(false);
  expect((await received(page))[0]!.sha256).toBe(sha256(still.buffer));
});
