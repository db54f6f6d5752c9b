import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension-test';
import { inDetectorPage, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { openPopupOn, scanToTheEnd } from '../support/popup-page';
import { POSTED_PAGES, servePostedPhotos } from '../support/posted-photos';

test.beforeAll(async ({ extension }) => servePostedPhotos(extension));

/** Counts the passes the detector sends its workers, each sent 300 ms late: an analysis takes seconds. */
const SLOW_COUNTED = `if (message?.type === 'detect') {
    globalThis.passes = (globalThis.passes ?? 0) + 1;
    setTimeout(() => send(message, transfer), 300);
    return;
  }
  return send(message, transfer);`;
const passes = async (tab: Page) => Number((await inDetectorPage(tab, 'globalThis.passes')) ?? 0);

test("closing the popup while a photo is being checked stops the detector's work on it", async ({ extension, tab }) => {
  await tab.goto(POSTED_PAGES.x.url);
  const first = await openPopupOn(extension, POSTED_PAGES.x.url);
  await scanToTheEnd(first); // the detector up and running
  await first.close();
  await inDetectorPage(tab, 'globalThis.passes = 0');
  await wrapWorkerMessages(tab, SLOW_COUNTED);
  try {
    const popup = await openPopupOn(extension, POSTED_PAGES.x.url);
    await popup.locator('[data-action="scan"]').click();
    await expect.poll(() => passes(tab)).toBeGreaterThan(0);
    await popup.close();
    // The passes asked before the close, and at most one more round, then none.
    await tab.waitForTimeout(2500);
    const soon = await passes(tab);
    await tab.waitForTimeout(4000);
    expect(await passes(tab)).toBe(soon);
  } finally {
    await unwrapWorkerMessages(tab);
  }
});

test('a scan stopped while a photo is being checked leaves that photo unchecked, not unreadable', async ({ extension, tab }) => {
  await tab.goto(POSTED_PAGES.x.url);
  const popup = await openPopupOn(extension, POSTED_PAGES.x.url);
  await scanToTheEnd(popup); // the detector up and running
  await inDetectorPage(tab, 'globalThis.passes = 0');
  await wrapWorkerMessages(tab, SLOW_COUNTED);
  try {
    await popup.reload();
    await popup.locator('[data-action="scan"]').click();
    await expect.poll(() => passes(tab)).toBeGreaterThan(0);
    await popup.locator('[data-action="cancel-scan"]').click();
    await expect(popup.locator('[data-scan-summary]')).toContainText('stopped after');
    expect(await popup.locator('[data-scan-result][data-faces]').count()).toBe(0);
  } finally {
    await unwrapWorkerMessages(tab);
    await popup.close();
  }
});
