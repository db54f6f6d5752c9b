import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from '../support/composer-test';
import { COUNT_ROUNDS, resetRounds, rounds, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { gifWith, photoRgbaInPage, quantised } from '../support/gif';
import { overlayFrame, overlayShown, received } from '../support/guard-page';
import { photo } from '../support/sites';

/**
 * Eight frames of a photo of three children, each shifted sideways so that no frame repeats
 * another: each is looked at in full. Its comment opens the window at once, Cancel with it; two
 * comments make two files, the second of which the guard has not checked before.
 */
async function eightFrames(page: Page, comment = 'Lily, 4') {
  const { height, base64 } = await page.evaluate(photoRgbaInPage, [readFileSync(photo('sample1.jpg')).toString('base64'), 480] as const);
  const { palette, pixels } = quantised(new Uint8Array(Buffer.from(base64, 'base64')));
  const shifted = (by: number) => pixels.map((_, i) => pixels[i - (i % 480) + (((i % 480) + by) % 480)]!);
  const frames = Array.from({ length: 8 }, (_, k) => shifted(k * 57));
  return { name: 'party.gif', mimeType: 'image/gif', buffer: Buffer.from(gifWith({ width: 480, height, palette, frames, comment })) };
}

async function cancel(page: Page, overlay: Awaited<ReturnType<typeof overlayFrame>>) {
  await overlay.locator('[data-action="cancel"]').click();
  await expect.poll(() => overlayShown(page)).toBe(false);
}

async function roundsChecked(page: Page, input: () => Locator, animation: Awaited<ReturnType<typeof eightFrames>>) {
  await resetRounds(page);
  await input().setInputFiles(animation);
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-frames', '8/8');
  const whole = await rounds(page);
  await cancel(page, overlay);
  return whole;
}

test("a cancel while a photo is being checked stops the detector's work on it", async ({ composer: { page, input } }) => {
  const [animation, another] = [await eightFrames(page), await eightFrames(page, 'Lily, 5')];
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);
  await wrapWorkerMessages(page, COUNT_ROUNDS);
  try {
    // Checked to the end, the animation takes this many rounds.
    const whole = await roundsChecked(page, input, animation);
    expect(whole).toBeGreaterThan(16);

    // Cancelled as soon as the window shows it, a few (4 here): the detector stops at its next round.
    // (Another file: one picked again is not looked at again.)
    await resetRounds(page);
    await input().setInputFiles(another);
    await cancel(page, await overlayFrame(page));
    await page.waitForTimeout(whole * 150); // longer than the whole animation takes (about 80 ms a round here)
    expect(await rounds(page)).toBeGreaterThan(0);
    expect(await rounds(page)).toBeLessThan(whole / 2);
  } finally {
    await unwrapWorkerMessages(page);
  }
});

test("closing the tab while a photo is being checked stops the detector's work on it", async ({ extension, composer: { page, input } }) => {
  const [animation, another] = [await eightFrames(page), await eightFrames(page, 'Lily, 5')];
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);
  // The detector's page is reached through another tab once this one is gone.
  const other = await extension.newPage();
  await wrapWorkerMessages(other, COUNT_ROUNDS);
  try {
    const whole = await roundsChecked(page, input, animation);
    await resetRounds(other);
    await input().setInputFiles(another);
    await overlayFrame(page); // its check under way
    await page.close(); // a closing page can no longer say it gives the check up
    await other.waitForTimeout(whole * 150);
    expect(await rounds(other)).toBeGreaterThan(0);
    expect(await rounds(other)).toBeLessThan(whole / 2);
  } finally {
    await unwrapWorkerMessages(other);
    await other.close();
  }
});
