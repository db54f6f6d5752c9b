import { test as base, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { withinTime } from '../../models/within-time';
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
  tab: async ({ extension }, use, testInfo) => {
    const page = await extension.newPage();
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) await attachState(page, testInfo);
    await page.close();
  },
});

/**
 * What a failed test left on screen, for a failure seen once in CI: the tab, and per frame (the
 * overlay's is an extension page) whether it was visible and focused and what it held. Bounded:
 * a stalled tab must not stall the run.
 */
async function attachState(page: Page, testInfo: TestInfo): Promise<void> {
  const screenshot = await page.screenshot({ timeout: 5_000 }).catch(() => null);
  if (screenshot) await keep(testInfo, 'tab.png', screenshot);
  const tabs = page.context().pages().map((p) => ({ url: p.url(), this: p === page }));
  const frames = await Promise.all(
    page.frames().map((frame) =>
      withinTime(() => frame.evaluate(() => ({ url: location.href, visibility: document.visibilityState, focused: document.hasFocus(), html: document.documentElement.outerHTML.slice(0, 20_000) })), 5_000).catch(
        (error: unknown) => String(error),
      ),
    ),
  );
  await keep(testInfo, 'state.json', JSON.stringify({ tabs, frames }, null, 1));
}

/** Written into the test's output folder (which survives the run, as a CI clone does), and listed with the failure. */
async function keep(testInfo: TestInfo, name: string, body: string | Buffer): Promise<void> {
  const path = testInfo.outputPath(name);
  writeFileSync(path, body);
  await testInfo.attach(name, { path });
}

export { expect } from '@playwright/test';
