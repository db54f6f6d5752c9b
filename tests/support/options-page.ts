import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { Settings } from '../../settings/schema';
import { extensionId } from './browser';
import { SITE_PAGES } from './sites';

/** The options page of the loaded extension, in a new tab. */
export async function openOptions(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await page.locator('[data-site]').first().waitFor();
  return page;
}

/** The settings as stored, read from an extension page. */
export const storedSettings = (extensionPage: Page) =>
  extensionPage.evaluate(async () => (await chrome.storage.sync.get('settings')).settings as Settings | undefined);

/** Picks a value in a site's rule (`key`: its settings key) and waits until it is stored. */
export async function setRule(options: Page, key: keyof typeof SITE_PAGES | string, setting: string, value: string): Promise<void> {
  const host = key in SITE_PAGES ? new URL(SITE_PAGES[key as keyof typeof SITE_PAGES].url).host : key;
  await options.locator(`[data-site="${host}"] select[data-setting="${setting}"]`).selectOption(value);
  await expect.poll(async () => (await storedSettings(options))?.sites[key]?.[setting as 'mode']).toBe(value);
}
