import { expect, test } from '../support/composer-test';
import { iou } from '../../models/boxes';
import { annotatedPhotos } from '../support/annotations';
import { inDetectorPage, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { overlayFrame, received } from '../support/guard-page';
import { photo } from '../support/sites';

/** Counts, in the detector's page, the passes its workers are asked for. */
const COUNT_DETECTS = `if (message?.type === 'detect') globalThis.detects = (globalThis.detects ?? 0) + 1;
  return send(message, transfer);`;

test('the pixelated style hides the faces too: the masked photo is checked again before it goes', async ({ composer: { page, input, reports } }) => {
  await input().setInputFiles(photo('sample2.jpg'));
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', /^[1-9]\d*$/, { timeout: 60_000 });
  await overlay.locator('[data-option="style"][value="pixelate"]').check();
  await inDetectorPage(page, 'globalThis.detects = 0');
  await wrapWorkerMessages(page, COUNT_DETECTS);
  try {
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
    // Random blocks may still look like a face: the detector looked at the masked photo.
    expect(await inDetectorPage(page, 'globalThis.detects')).toBeGreaterThan(0);
  } finally {
    await unwrapWorkerMessages(page);
  }
  const posted = (await received(page))[0]!;
  reports.length = 0;
  await input().setInputFiles({ name: 'pixelated.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(posted.base64, 'base64') });
  await expect.poll(() => reports).toHaveLength(1);
  // Noised blocks next to hair can make a false alarm beside a mask; no face may be found again.
  if (reports[0] === 'photo-guard: pixelated.jpg: 0 face(s), metadata: none') return;
  const found = JSON.parse((await (await overlayFrame(page)).locator('[data-guard-photo]').getAttribute('data-boxes'))!) as number[][];
  const faces = annotatedPhotos().find((p) => p.file === 'sample2.jpg')!.faces;
  for (const [x, y, w, h] of faces) {
    expect(found.filter(([fx, fy, fw, fh]) => iou({ x: fx!, y: fy!, width: fw!, height: fh! }, { x: x!, y: y!, width: w!, height: h! }) >= 0.3)).toEqual([]);
  }
});

test('a filled photo goes without a second look: an opaque fill leaves nothing to find', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('sample2.jpg'));
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', /^[1-9]\d*$/, { timeout: 60_000 });
  await inDetectorPage(page, 'globalThis.detects = 0');
  await wrapWorkerMessages(page, COUNT_DETECTS);
  try {
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
    expect(await inDetectorPage(page, 'globalThis.detects')).toBe(0);
  } finally {
    await unwrapWorkerMessages(page);
  }
});
