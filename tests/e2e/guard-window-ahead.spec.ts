import type { Frame, Page } from '@playwright/test';
import { expect, test } from '../support/composer-test';
import { expectSample1At, overlayFrame, overlayShown } from '../support/guard-page';
import { photo } from '../support/sites';

const overlayFrames = (page: Page) => page.frames().filter((frame) => frame.url().includes('/overlay.html'));

/** The hidden frame loaded for the next window, once there is one (and only one). */
async function loadedAhead(page: Page, not?: Frame): Promise<Frame> {
  await expect.poll(() => overlayFrames(page).filter((frame) => frame !== not)).toHaveLength(1);
  expect(await overlayShown(page)).toBe(false);
  return overlayFrames(page).find((frame) => frame !== not)!;
}

test('the decision window is loaded ahead, hidden, and a photo needing the user is shown in it: no frame loads after the pick', async ({ composer: { page, input } }) => {
  const ahead = await loadedAhead(page);
  const loadedAfter: Frame[] = [];
  page.on('framenavigated', (frame) => frame.url().includes('/overlay.html') && loadedAfter.push(frame));
  await input().setInputFiles(photo('sample1.jpg'));
  const overlay = await overlayFrame(page);
  expect(overlay).toBe(ahead);
  await expectSample1At(1, overlay.locator('[data-guard-photo]'));
  expect(loadedAfter).toEqual([]);

  // Decided, the window goes, and another is loaded for the next photo.
  await overlay.locator('[data-action="cancel"]').click();
  await expect.poll(() => overlayShown(page)).toBe(false);
  await expect.poll(() => ahead.isDetached()).toBe(true);
  await loadedAhead(page, ahead);
});

for (const [what, act] of [
  ['removed', 'document.querySelector("photo-guard-overlay").remove()'],
  ['moved', 'document.body.append(document.querySelector("photo-guard-overlay"))'],
] as const) {
  test(`a window loaded ahead that the page ${what} is not used: the photo is shown in a new one, and checked`, async ({ composer: { page, input } }) => {
    const ahead = await loadedAhead(page);
    await page.evaluate(act);
    await input().setInputFiles(photo('sample1.jpg'));
    const overlay = await overlayFrame(page);
    expect(overlay).not.toBe(ahead);
    await expectSample1At(1, overlay.locator('[data-guard-photo]'));
    await overlay.locator('[data-action="cancel"]').click();
  });
}
