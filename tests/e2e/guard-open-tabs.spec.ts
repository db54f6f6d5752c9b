import { expect, test } from '@playwright/test';
import { detectorDocument, EXTENSION_DIR, launchBeforeInstall, loadExtension, uninstallExtension } from '../support/browser';
import { fileBytes, received, sha256 } from '../support/guard-page';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

const X_INPUT = '[data-testid="fileInput"]';

test('once the extension is removed, a tab it guarded posts photos as if it had never been there', async () => {
  const context = await launchBeforeInstall();
  try {
    await serveSites(context);
    const id = await loadExtension(context, EXTENSION_DIR);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(SITE_PAGES.x.url);
    await expect.poll(() => detectorDocument(context)).not.toBeNull();
    await uninstallExtension(context, id);
    await expect.poll(() => detectorDocument(context)).toBeNull();

    // Its guard is still in the page, cut off: holding the photo, it could neither check nor hand it over.
    await page.locator(X_INPUT).setInputFiles(photo('sample1.jpg'));
    await expect.poll(() => received(page)).toHaveLength(1);
    expect((await received(page))[0]!.sha256).toBe(sha256(fileBytes(photo('sample1.jpg'))));
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
