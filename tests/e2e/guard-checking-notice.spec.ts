import type { Page } from '@playwright/test';
import { expect, test } from '../support/composer-test';
import { received } from '../support/guard-page';
import { photo } from '../support/sites';
import { closedShadowText } from '../support/closed-shadow';
import { unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { WORK_NOTICE_DELAY_MS } from '../../content-scripts/status-notice';

/** Starts noting, by the page's clock, each time the guard's notice is put on the page. */
const watchNotices = (page: Page) =>
  page.evaluate(() => {
    const shown: number[] = [];
    new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName === 'PHOTO-GUARD-STATUS'))) shown.push(performance.now());
    }).observe(document.documentElement, { childList: true });
    (window as unknown as { noticesShown: number[] }).noticesShown = shown;
  });
const noticesShown = (page: Page) => page.evaluate(() => (window as unknown as { noticesShown: number[] }).noticesShown);

test('a photo checked in a moment passes without a notice flashing up; a longer check says what is going on', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);
  await watchNotices(page);

  const picked = await page.evaluate(() => performance.now());
  await input().setInputFiles(photo('no-face-cat.jpg'));
  await expect.poll(() => received(page)).toHaveLength(2);
  const at = (await received(page))[1]!.at;
  // Shown only if the check itself outlasted the delay (a slow machine), never at once.
  for (const shown of await noticesShown(page)) expect(shown - picked).toBeGreaterThanOrEqual(WORK_NOTICE_DELAY_MS);
  if (at - picked < WORK_NOTICE_DELAY_MS) expect(await noticesShown(page)).toEqual([]);

  // Every round held up for a second: the notice comes while the photo waits, and goes with it.
  // (A photo not picked before: one picked again is known at once.)
  await wrapWorkerMessages(page, `setTimeout(() => send(message, transfer), message?.type === 'detect' ? 1000 : 0);`);
  try {
    await input().setInputFiles(photo('no-face-small.webp'));
    await expect.poll(() => closedShadowText(page, 'photo-guard-status')).toContain('checking your photos');
    expect(await received(page)).toHaveLength(2);
    await expect.poll(() => received(page)).toHaveLength(3);
  } finally {
    await unwrapWorkerMessages(page);
  }
  await expect(page.locator('photo-guard-status')).toHaveCount(0);
});
