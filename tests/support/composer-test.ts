import type { Locator, Page } from '@playwright/test';
import { test as withExtension } from './extension-test';
import { SITE_PAGES } from './sites';

export interface Composer {
  page: Page;
  /** The composer's file input. */
  input: () => Locator;
  /** The guard's console reports ("photo-guard: name: …"), in order; a test may empty it. */
  reports: string[];
}

/** Playwright's `test` on a fresh tab of the X composer fixture, with the guard's reports collected. */
export const test = withExtension.extend<{ composer: Composer }>({
  composer: async ({ tab }, use) => {
    const reports: string[] = [];
    tab.on('console', (m) => m.text().startsWith('photo-guard:') && reports.push(m.text()));
    await tab.goto(SITE_PAGES.x.url);
    await use({ page: tab, input: () => tab.locator('[data-testid="fileInput"]'), reports });
  },
});

export { expect } from '@playwright/test';
