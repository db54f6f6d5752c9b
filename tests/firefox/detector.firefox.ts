// Firefox has no offscreen API: the detector runs in the background page. This drives Debian's
// firefox-esr over WebDriver BiDi (puppeteer-core 24; there is no geckodriver here) with the
// built Firefox extension installed, on the same X fixture as the Chromium tests.
// Run with `npm run test:firefox` (under xvfb-run).
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import puppeteer, { type ElementHandle } from 'puppeteer-core';
import { annotatedPhotos } from '../support/annotations';
import { fixtureHtml, photo, SITE_PAGES } from '../support/sites';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

test('Firefox: photos picked in X\'s file input are analysed in the background page, metadata included', async () => {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    // MediaPipe needs WebGL to take in images, even on its CPU delegate. Headless Firefox has
    // no GL driver to offer, so the test runs a real window under Xvfb (`xvfb-run`), where Mesa's
    // software GL serves, as a user's GPU would.
    headless: false,
  });
  try {
    await browser.installExtension(resolve('.output/firefox-mv2'));
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    const fixture = fixtureHtml(SITE_PAGES.x.file);
    page.on('request', (request) =>
      request.url() === SITE_PAGES.x.url
        ? request.respond({ contentType: 'text/html', body: fixture })
        : request.abort(),
    );
    const reports = new Map<string, string>();
    page.on('console', (message) => {
      const match = /^photo-guard: (.+?): (.*)$/.exec(message.text());
      if (match) reports.set(match[1]!, match[2]!);
    });
    await page.goto(SITE_PAGES.x.url);
    const photos = annotatedPhotos().filter((p) => p.file.startsWith('sample'));
    const input = (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...photos.map((p) => photo(p.file)));
    const deadline = Date.now() + 60_000;
    while (reports.size < photos.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    for (const { file, faces } of photos) {
      // Every sample carries GPS: the content script must see the page's file's metadata too.
      assert.match(reports.get(file) ?? 'no report', new RegExp(`^${faces.length} face\\(s\\), metadata: gps,`), file);
    }
  } finally {
    await browser.close();
  }
});
