// Firefox has no offscreen API: the detector runs in the background page. The same X fixture as
// the Chromium tests. Run with `npm run test:firefox` (under xvfb-run).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ElementHandle } from 'puppeteer-core';
import { annotatedPhotos } from '../support/annotations';
import { launchFirefox, serveSite, until } from '../support/firefox';
import { photo, SITE_PAGES } from '../support/sites';

test('Firefox: photos picked in X\'s file input are analysed in the background page, metadata included', async () => {
  const browser = await launchFirefox();
  try {
    const page = await browser.newPage();
    await serveSite(page, 'x');
    const reports = new Map<string, string>();
    page.on('console', (message) => {
      const match = /^photo-guard: (.+?): (.*)$/.exec(message.text());
      if (match) reports.set(match[1]!, match[2]!);
    });
    await page.goto(SITE_PAGES.x.url);
    const photos = annotatedPhotos().filter((p) => p.file.startsWith('sample'));
    const input = (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...photos.map((p) => photo(p.file)));
    await until(async () => reports.size >= photos.length, 'a report for every photo');
    for (const { file, faces } of photos) {
      // Every sample carries GPS: the content script must see the page's file's metadata too.
      assert.match(reports.get(file) ?? 'no report', new RegExp(`^${faces.length} face\\(s\\), metadata: gps,`), file);
    }
  } finally {
    await browser.close();
  }
});
