import type { Page } from '@playwright/test';
import { type Composer, expect, test } from '../support/composer-test';
import { iou } from '../../models/boxes';
import { annotatedPhotos } from '../support/annotations';
import { inDetectorPage, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { overlayFrame, received } from '../support/guard-page';
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
