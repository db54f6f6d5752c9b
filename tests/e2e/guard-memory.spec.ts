import { expect, test } from '../support/composer-test';
import { COUNT_ROUNDS, rounds, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { fileBytes, overlayFrame, overlayShown, received, sha256 } from '../support/guard-page';
import { photo } from '../support/sites';
import type { Locator, Page } from '@playwright/test';

/**
 * With the detector running and its rounds counted: `name` picked, its three faces shown, the
 * window cancelled. Its boxes, and the rounds of passes it took.
 */
async function firstLook(page: Page, input: () => Locator, name: string): Promise<{ boxes: string | null; looked: number }> {
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);
  await wrapWorkerMessages(page, COUNT_ROUNDS);
  await input().setInputFiles(photo(name));
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', '3');
  const boxes = await card.getAttribute('data-boxes');
  await overlay.locator('[data-action="cancel"]').click();
  await expect.poll(() => overlayShown(page)).toBe(false);
  const looked = await rounds(page);
  expect(looked).toBeGreaterThan(0);
  return { boxes, looked };
}

test('a photo picked again is known at once: its faces shown, or passed through, without the detector', async ({ composer: { page, input } }) => {
  try {
    const { boxes, looked } = await firstLook(page, input, 'sample2.jpg');
    // Picked again after the cancel: the same faces, the same boxes, no round of passes more.
    await input().setInputFiles(photo('sample2.jpg'));
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
    expect(await overlay.locator('[data-guard-photo]').getAttribute('data-boxes')).toBe(boxes);
    await overlay.locator('[data-action="original"]').click();
    await expect.poll(() => received(page)).toHaveLength(2);
    expect((await received(page))[1]!.sha256).toBe(sha256(fileBytes(photo('sample2.jpg'))));

    // A photo with nothing to report, picked again, goes straight through.
    await input().setInputFiles(photo('no-face-landscape.jpg'));
    await expect.poll(() => received(page)).toHaveLength(3);
    expect((await received(page))[2]!.sha256).toBe(sha256(fileBytes(photo('no-face-landscape.jpg'))));
    expect(await rounds(page)).toBe(looked);
  } finally {
    await unwrapWorkerMessages(page);
  }
});

test('an iPhone HEIC picked again is known at once, with the pixels the extension decoded for it: masked without another look', async ({ composer: { page, input } }) => {
  try {
    const { looked } = await firstLook(page, input, 'sample2.heic');
    await input().setInputFiles(photo('sample2.heic'));
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(2);
    expect((await received(page))[1]).toMatchObject({ name: 'sample2.jpg', type: 'image/jpeg' });
    expect(await rounds(page)).toBe(looked);
  } finally {
    await unwrapWorkerMessages(page);
  }
});
