import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension } from './browser';
import { serveSites } from './sites';

/**
 * Playwright's `test` with the built extension loaded: one Chromium per worker (`extension`),
 * with the fixture sites served at their real URLs, and a fresh tab per test (`tab`).
 */
export const test = base.extend<{ tab: Page }, { extension: BrowserContext }>({
  extension: [
    async ({}, use) => {
      const context = await launchWithExtension();
      await serveSites(context);
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  tab: async ({ extension }, use) => {
    const page = await extension.newPage();
    await use(page);
    await page.close();
  },
});

export { expect } from '@playwright/test';
