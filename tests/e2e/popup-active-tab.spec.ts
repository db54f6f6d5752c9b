import { expect, test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM, EXTENSION_DIR } from '../support/browser';
import { POSTED_PAGES, postedResponse } from '../support/posted-photos';

// On a site the extension has no access to, the popup scans through activeTab, which only a click
// on the toolbar button grants. Playwright cannot click it; Puppeteer's triggerExtensionAction
// does (DevTools' Extensions.triggerAction, over a pipe), so this test drives Chromium with it.

let browser: Browser;
test.beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, pipe: true, enableExtensions: [EXTENSION_DIR], args: ['--no-sandbox'] });
});
test.afterAll(() => browser.close());

async function clickToolbarButton(page: Page): Promise<Page> {
  const [extension] = [...(await browser.extensions()).values()];
  await page.triggerExtensionAction(extension!);
  const target = await browser.waitForTarget((t) => t.url().includes('/popup.html'));
  return (await target.asPage())!;
}

test('on any other site, the popup scans the page through activeTab, fetching photos only from that page', async () => {
  const page = await browser.newPage();
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    requests.push(request.url());
    const answer = postedResponse(request.url());
    void (answer ? request.respond({ ...answer, status: 200 }) : request.abort());
  });
  await page.goto(POSTED_PAGES.blog.url);
  requests.length = 0;

  const popup = await clickToolbarButton(page);
  await popup.locator('[data-action="scan"]').click();
  await popup.waitForSelector('[data-scan-summary]', { timeout: 60_000 });
  const results = await popup.$$eval('[data-scan-result]', (items) =>
    items.map((item) => [item.getAttribute('data-src'), item.getAttribute('data-faces'), item.getAttribute('data-metadata')]),
  );
  expect(results).toEqual([
    // The background photo of the header, then the article's: the logo is too small to be one.
    ['https://blog.example.org/photos/sample6.jpg', '4', 'gps,datetime,camera,software'],
    ['https://blog.example.org/photos/sample2.jpg', '3', 'gps,datetime,camera,software'],
    // Hosted elsewhere without CORS: the page may show it but not read it, so it is not checked.
    ['https://cdn.elsewhere.example/sample3.jpg', 'unknown', ''],
  ]);
  const summary = await popup.$eval('[data-scan-summary]', (el) => ({ text: el.textContent, photos: el.getAttribute('data-photos'), faces: el.getAttribute('data-with-faces') }));
  expect(summary).toEqual({ text: '2 of 3 photos show faces · 2 reveal a location', photos: '3', faces: '2' });
  // Everything the scan fetched went through the page, to the addresses the page shows.
  expect([...new Set(requests)].sort()).toEqual(results.map(([src]) => src).sort());
});
