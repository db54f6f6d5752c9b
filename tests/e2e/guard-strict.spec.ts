import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension-test';
import { dropFiles, fileBytes, overlayFrame, pastePng, received, sha256 } from '../support/guard-page';
import { photo, SITE_PAGES } from '../support/sites';

// The fixture in strict mode ignores every event whose isTrusted is false, as X may: the guard's
// re-dispatched events must still get through, to listeners the site added and, as older sites
// write them, to handlers set as properties (`?handlers`).

for (const [query, what] of [['?strict', 'strict site'], ['?strict&handlers', 'strict site with on* handlers']] as const) {
  test.describe(what, () => {
    let page: Page;
    test.beforeEach(async ({ tab }) => {
      page = tab;
      await page.goto(`${SITE_PAGES.x.url}${query}`);
    });

    test(`${what}: the chosen file still arrives through the file input`, async () => {
      await page.locator('[data-testid="fileInput"]').setInputFiles(photo('sample1.jpg'));
      await (await overlayFrame(page)).locator('[data-action="original"]').click();
      await expect.poll(() => received(page)).toHaveLength(1);
      expect((await received(page))[0]).toMatchObject({ sha256: sha256(fileBytes(photo('sample1.jpg'))), how: 'input', trusted: true });
    });

    test(`${what}: a held drop still arrives`, async () => {
      await dropFiles(page, '[role="dialog"]', [photo('sample5.jpg')]);
      await (await overlayFrame(page)).locator('[data-action="protect"]').click();
      await expect.poll(() => received(page)).toHaveLength(1);
      expect((await received(page))[0]).toMatchObject({ name: 'sample5.jpg', how: 'drop', trusted: true });
    });

    test(`${what}: a held paste still arrives`, async () => {
      await pastePng(page, '[data-testid="tweetTextarea_0"]', photo('sample3.jpg'));
      await (await overlayFrame(page)).locator('[data-action="original"]').click();
      await expect.poll(() => received(page)).toHaveLength(1);
      expect((await received(page))[0]).toMatchObject({ how: 'paste', trusted: true });
    });

    test(`${what}: untrusted events from anyone else are still refused`, async () => {
      await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="fileInput"]')!;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await page.waitForTimeout(500);
      expect(await received(page)).toEqual([]);
    });
  });
}
