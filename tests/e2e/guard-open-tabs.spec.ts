import { expect, test } from '@playwright/test';
import { detectorDocument, EXTENSION_DIR, extensionGranting, launchBeforeInstall, launchWithExtension, loadExtension, LOADING_LATER, newProfileDir, uninstallExtension } from '../support/browser';
import { closedShadowText } from '../support/closed-shadow';
import { expectPostedUntouched, fileBytes, overlayFrame, overlayShown, received, sha256 } from '../support/guard-page';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

const X_INPUT = '[data-testid="fileInput"]';

test('a tab open across an update is guarded by the new version, and a site ignoring untrusted events gets the masked photo', async () => {
  const dir = extensionGranting([]); // a copy of the build, reloaded from its folder as an update is
  const context = await launchWithExtension([LOADING_LATER], newProfileDir(), dir);
  try {
    await serveSites(context);
    const page = await context.newPage();
    await page.goto(`${SITE_PAGES.x.url}?strict`);
    let before: string | null = null;
    await expect.poll(async () => (before = await detectorDocument(context))).not.toBeNull();
    await loadExtension(context, dir);
    // The update closed the old version's pages; the guard injected into the tab asks for a new one.
    await expect.poll(async () => [null, before].includes(await detectorDocument(context))).toBe(false);

    await page.locator(X_INPUT).setInputFiles(photo('sample1.jpg'));
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
    const [file] = await received(page);
    expect(file!.trusted).toBe(true); // what the strict page accepts
    expect(file!.sha256).not.toBe(sha256(fileBytes(photo('sample1.jpg'))));
  } finally {
    await context.close();
  }
});

test('a tab open before the install: a photo is not added, the user is told to reload; after a reload it is guarded', async () => {
  const context = await launchBeforeInstall();
  try {
    await serveSites(context);
    const page = await context.newPage();
    await page.goto(SITE_PAGES.x.url);
    await loadExtension(context, EXTENSION_DIR);
    await expect.poll(() => detectorDocument(context)).not.toBeNull();

    // The page's listeners came before the extension: a site ignoring untrusted events would never
    // get the photo the guard hands it, so nothing is posted, unchecked or lost without a word.
    const input = page.locator(X_INPUT);
    await input.setInputFiles(photo('sample1.jpg'));
    await expect.poll(() => closedShadowText(page, 'photo-guard-status')).toContain('Reload the page, then add your photos again');
    expect(await received(page)).toEqual([]);
    expect(await overlayShown(page)).toBe(false);
    expect(await input.evaluate((el: HTMLInputElement) => el.files?.length)).toBe(0);

    await page.reload();
    await input.setInputFiles(photo('sample1.jpg'));
    await (await overlayFrame(page)).locator('[data-action="original"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
    expect((await received(page))[0]!.sha256).toBe(sha256(fileBytes(photo('sample1.jpg'))));
  } finally {
    await context.close();
  }
});

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
    await expectPostedUntouched(page, photo('sample1.jpg'));
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
