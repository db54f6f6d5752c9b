import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from '../support/axe';
import { extensionId, launchWithExtension } from '../support/browser';
import { openOptions } from '../support/options-page';
import { POSTED_PAGES, servePostedPhotos } from '../support/posted-photos';

/** The popup after a scan of the X media fixture, opened as a page on that tab. */
async function scannedPopup(context: import('@playwright/test').BrowserContext) {
  await servePostedPhotos(context);
  const page = await context.newPage();
  await page.goto(POSTED_PAGES.x.url);
  const tabId = await context.serviceWorkers()[0]!.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, POSTED_PAGES.x.url);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?tab=${tabId}`);
  await popup.locator('[data-action="scan"]').click();
  await popup.locator('[data-scan-summary]').waitFor({ timeout: 60_000 });
  return popup;
}

test('the options page has no serious accessibility violation and works by keyboard', async () => {
  const context = await launchWithExtension();
  try {
    const options = await openOptions(context);
    await expectNoSeriousViolations(options);
    // Every control is reachable with Tab, and a rule can be changed from the keyboard.
    const mode = options.locator('[data-site="x.com"] select[data-setting="mode"]');
    for (let i = 0; i < 20 && !(await mode.evaluate((el) => el === document.activeElement)); i++) await options.keyboard.press('Tab');
    await expect(mode).toBeFocused();
    await expect(mode).toHaveAccessibleName('When a photo is added');
  } finally {
    await context.close();
  }
});

test('the options page speaks French in a French browser', async () => {
  const context = await launchWithExtension(['--lang=fr']);
  try {
    const options = await openOptions(context);
    await expect(options.locator('h1')).toHaveText('Réglages de Photo Guard');
    await expect(options.locator('[data-site="x.com"] select[data-setting="mode"] option[value="protect"]')).toHaveText('Protéger automatiquement');
    await expect(options.locator('html')).toHaveAttribute('lang', 'fr');
    await expectNoSeriousViolations(options);
  } finally {
    await context.close();
  }
});

test('the popup, with its results, has no serious accessibility violation and works by keyboard', async () => {
  const context = await launchWithExtension();
  try {
    const popup = await scannedPopup(context);
    await expectNoSeriousViolations(popup);
    await popup.locator('[data-action="scan"]').focus();
    await popup.keyboard.press('Enter');
    await expect(popup.locator('[data-action="cancel-scan"]')).toBeVisible();
  } finally {
    await context.close();
  }
});

test('the popup speaks French in a French browser', async () => {
  const context = await launchWithExtension(['--lang=fr']);
  try {
    const popup = await scannedPopup(context);
    await expect(popup.locator('[data-scan-summary]')).toHaveText('2 photos sur 3 montrent des visages');
    await expect(popup.locator('html')).toHaveAttribute('lang', 'fr');
    await expectNoSeriousViolations(popup);
  } finally {
    await context.close();
  }
});
