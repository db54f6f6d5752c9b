import type { BrowserContext, Page } from '@playwright/test';
import { extensionId } from './browser';

/** The popup, opened as a page on the tab showing `url` (the popup's automation entry, `?tab=`). */
export async function openPopupOn(context: BrowserContext, url: string): Promise<Page> {
  const tabId = await context.serviceWorkers()[0]!.evaluate(async (pageUrl) => (await chrome.tabs.query({ url: pageUrl }))[0]?.id, url);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?tab=${tabId}`);
  return popup;
}

/** Starts a scan and waits for its summary. */
export async function scanToTheEnd(popup: Page): Promise<void> {
  await popup.locator('[data-action="scan"]').click();
  await popup.locator('[data-scan-summary]').waitFor({ timeout: 60_000 });
}
