import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Fixture pages served at the real sites' URLs, so the extension's real match patterns apply. */
export const SITE_PAGES = {
  x: { url: 'https://x.com/compose/post', file: 'x-compose.html' },
} as const;

export type SiteName = keyof typeof SITE_PAGES;

export async function serveSites(context: BrowserContext): Promise<void> {
  for (const { url, file } of Object.values(SITE_PAGES)) {
    const body = readFileSync(resolve('tests/fixtures/sites', file), 'utf8');
    // The page and its query variants (?strict).
    await context.route(new RegExp(`^${url.replace(/[.?]/g, '\\$&')}(\\?.*)?$`), (route) =>
      route.fulfill({ contentType: 'text/html', body }),
    );
  }
}

export const photo = (name: string) => resolve('tests/fixtures/photos', name);
