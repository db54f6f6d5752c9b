import { expect, test, type BrowserContext } from '@playwright/test';
import { expectNoSeriousViolations } from '../support/axe';
import { launchWithExtension } from '../support/browser';
import { openOptions } from '../support/options-page';
import { openPopupOn, scanToTheEnd } from '../support/popup-page';
import { POSTED_PAGES, servePostedPhotos } from '../support/posted-photos';

/** The popup after a scan of the X media fixture, opened as a page on that tab. */
async function scannedPopup(context: BrowserContext) {
  await servePostedPhotos(context);
  await (await context.newPage()).goto(POSTED_PAGES.x.url);
  const popup = await openPopupOn(context, POSTED_PAGES.x.url);
  await scanToTheEnd(popup);
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
