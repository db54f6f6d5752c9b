import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Fixture pages served at the real sites' URLs, so the extension's real match patterns apply. */
export const SITE_PAGES = {
  x: { url: 'https://x.com/compose/post', file: 'x-compose.html' },
  instagram: { url: 'https://www.instagram.com/', file: 'instagram-home.html' },
  facebook: { url: 'https://www.facebook.com/', file: 'facebook-home.html' },
  /** A site the guard only runs on once the user adds it in the options. */
  school: { url: 'https://school.example.org/photos', file: 'school-upload.html' },
} as const;

/** A fixture page with the shared upload stub inlined. */
export const fixtureHtml = (file: string) =>
  readFileSync(resolve('tests/fixtures/sites', file), 'utf8').replace(
    '/* UPLOAD_STUB */',
    readFileSync(resolve('tests/fixtures/sites/upload-stub.js'), 'utf8'),
  );

export async function serveSites(context: BrowserContext): Promise<void> {
  for (const { url, file } of Object.values(SITE_PAGES)) {
    const body = fixtureHtml(file);
    // The page and its query variants (?strict).
    await context.route(new RegExp(`^${url.replace(/[.?]/g, '\\$&')}(\\?.*)?$`), (route) =>
      route.fulfill({ contentType: 'text/html', body }),
    );
  }
}

export const photo = (name: string) => resolve('tests/fixtures/photos', name);
