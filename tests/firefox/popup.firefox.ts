// The toolbar popup's scan in Firefox, on the X media tab served offline with its image host.
// The popup is opened as a page on the tab (its automation entry, `?tab=`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchFirefox, openExtensionPage, servePostedPhotos } from '../support/firefox';
import { POSTED_PAGES } from '../support/posted-photos';

test('Firefox: the popup scans the posted photos of the page, each once, with their faces', async () => {
  const firefox = await launchFirefox();
  try {
    const site = await firefox.newPage();
    await servePostedPhotos(site);
    await site.goto(POSTED_PAGES.x.url);
    const popup = await firefox.newPage();
    await servePostedPhotos(popup);
    await openExtensionPage(popup, 'popup.html');
    const tab = await popup.evaluate(async (url) => (await browser.tabs.query({ url }))[0]?.id, POSTED_PAGES.x.url);
    await openExtensionPage(popup, `popup.html?tab=${tab}`);
    await (await popup.waitForSelector('[data-action="scan"]'))!.click();
    await popup.waitForSelector('[data-scan-summary]', { timeout: 60_000 });
    const results = await popup.$$eval('[data-scan-result]', (items) => items.map((item) => [item.getAttribute('data-src'), item.getAttribute('data-faces')]));
    assert.deepEqual(results, [
      ['https://pbs.twimg.com/media/Gsample1?format=jpg&name=large', '3'],
      ['https://pbs.twimg.com/media/Gsample2?format=jpg&name=large', '3'],
      ['https://pbs.twimg.com/media/Gno-face-landscape?format=jpg&name=large', '0'],
    ]);
    assert.equal(await popup.$eval('[data-scan-summary]', (summary) => summary.textContent), '2 of 3 photos show faces');
  } finally {
    await firefox.close();
  }
});
