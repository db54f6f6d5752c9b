import type { Page } from '@playwright/test';
import { type Composer, expect, test } from '../support/composer-test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intersection, iou, type Rect, scaled } from '../../models/boxes';
import { paddedBox } from '../../photo/mask';
import { annotatedPhotos } from '../support/annotations';
import { inDetectorPage, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { overlayFrame, received, stackedInPage } from '../support/guard-page';
import { photo } from '../support/sites';

/** Counts, in the detector's page, the passes its workers are asked for. */
const COUNT_PASSES = `if (message?.type === 'detect') globalThis.passes = (globalThis.passes ?? 0) + message.jobs.length;
  return send(message, transfer);`;

/** The passes the detector was asked for while `act` ran. */
async function passesWhile(page: Page, act: () => Promise<void>): Promise<number> {
  await inDetectorPage(page, 'globalThis.passes = 0');
  await wrapWorkerMessages(page, COUNT_PASSES);
  try {
    await act();
    return Number(await inDetectorPage(page, 'globalThis.passes'));
  } finally {
    await unwrapWorkerMessages(page);
  }
}

/**
 * Picks sample2.jpg, chooses the mask style once its faces are shown, protects, and counts the
 * passes the detector was asked for between the click and the site receiving the file.
 */
async function passesAfterProtect({ page, input }: Composer, style: 'fill' | 'pixelate'): Promise<number> {
  await input().setInputFiles(photo('sample2.jpg'));
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', /^[1-9]\d*$/, { timeout: 60_000 });
  await overlay.locator(`[data-option="style"][value="${style}"]`).check();
  return passesWhile(page, async () => {
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
  });
}

test('the pixelated style hides the faces too: the masked photo is checked again before it goes', async ({ composer }) => {
  const { page, input, reports } = composer;
  // Random blocks may still look like a face: the detector looks at the masked photo, where masked.
  const secondLook = await passesAfterProtect(composer, 'pixelate');
  expect(secondLook).toBeGreaterThan(0);
  const posted = (await received(page))[0]!;
  reports.length = 0;
  const wholeLook = await passesWhile(page, async () => {
    await input().setInputFiles({ name: 'pixelated.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(posted.base64, 'base64') });
    await expect.poll(() => reports).toHaveLength(1);
  });
  // The same file looked at whole (sample2's children fill most of it: 59 against 71 passes here).
  expect(secondLook).toBeLessThan(wholeLook);
  // Noised blocks next to hair can make a false alarm beside a mask; no face may be found again.
  if (reports[0] === 'photo-guard: pixelated.jpg: 0 face(s), metadata: none') return;
  const found = JSON.parse((await (await overlayFrame(page)).locator('[data-guard-photo]').getAttribute('data-boxes'))!) as number[][];
  const faces = annotatedPhotos().find((p) => p.file === 'sample2.jpg')!.faces;
  for (const [x, y, w, h] of faces) {
    expect(found.filter(([fx, fy, fw, fh]) => iou({ x: fx!, y: fy!, width: fw!, height: fh! }, { x: x!, y: y!, width: w!, height: h! }) >= 0.3)).toEqual([]);
  }
});

test('a filled photo goes without a second look: an opaque fill leaves nothing to find', async ({ composer }) => {
  expect(await passesAfterProtect(composer, 'fill')).toBe(0);
});

test("a large photo's second look keeps to its masks, in the pixels of the copy the detector is sent", async ({ composer: { page, input } }) => {
  // 5760×3840, over 1 MB masked too: the detector is sent a copy at 1920 px, a third of its size.
  const tripled = join(mkdtempSync(join(tmpdir(), 'photo-guard-tripled-')), 'tripled.jpg');
  writeFileSync(tripled, await stackedInPage(page, photo('sample1.jpg'), { scale: 3 }));
  await input().setInputFiles(tripled);
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', '3', { timeout: 60_000 });
  const faces = (JSON.parse((await card.getAttribute('data-boxes'))!) as number[][]).map(([x, y, w, h]) => ({ x: x!, y: y!, width: w!, height: h! }));
  const masks = faces.map((face) => scaled(paddedBox(face, 5760, 3840, 'pixelate'), 1 / 3));
  await overlay.locator('[data-option="style"][value="pixelate"]').check();
  await inDetectorPage(page, 'globalThis.regions = []');
  // The tiles BlazeFace looks at first (the full-range 3×3 tiles, under half the 1280-px copy's
  // height, the mirrored view and FaceBoxes give second opinions around what those tiles saw,
  // which may lie beside a mask).
  await wrapWorkerMessages(page, `if (message?.type === 'detect') globalThis.regions.push(...message.jobs.filter((job) => !job.mirrored && job.model !== 'faceBoxes' && (job.model === 'shortRange' || job.region.width >= 640)).map((job) => job.region));
    return send(message, transfer);`);
  try {
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
    expect(Buffer.from((await received(page))[0]!.base64, 'base64').length).toBeGreaterThan(1024 * 1024);
    const regions = (await inDetectorPage(page, 'globalThis.regions')) as Rect[];
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) expect(masks.some((mask) => intersection(mask, region) > 0), JSON.stringify(region)).toBe(true);
  } finally {
    await unwrapWorkerMessages(page);
  }
});
