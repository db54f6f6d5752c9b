// Firefox gives an extension's content scripts to the tabs already open when it is installed
// (Chrome does not: the background does it there). The page-world bridge then comes after the
// page's own listeners, which a strict site's are: the guard must not hand a photo over there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ElementHandle } from 'puppeteer-core';
import { installGuard, launchFirefox, overlayFrame, received, serveSite, until } from '../support/firefox';
import { fileBytes, sha256 } from '../support/guard-page';
import { photo, SITE_PAGES } from '../support/sites';

test('Firefox: a tab open before the install holds a photo back with a word to reload; reloaded, it is guarded', async () => {
  const browser = await launchFirefox({ installed: false });
  try {
    const page = await browser.newPage();
    await serveSite(page, 'x');
    await page.goto(`${SITE_PAGES.x.url}?strict`);
    // The guard announces itself to the page as it starts (WXT's message to older copies of it).
    await page.evaluate(() => window.addEventListener('message', ({ data }) => data?.contentScriptName === 'guard' && document.body.setAttribute('data-test-guard', '')));
    await installGuard(browser);
    await until(() => page.evaluate(() => document.body.hasAttribute('data-test-guard')), 'the guard in the open tab');

    const input = async () => (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
    await (await input()).uploadFile(photo('sample1.jpg'));
    await until(() => page.evaluate(() => !!document.querySelector('photo-guard-status')), 'the notice');
    assert.deepEqual(await received(page), []);
    assert.equal(await (await input()).evaluate((element) => element.files?.length), 0);

    await page.reload();
    await (await input()).uploadFile(photo('sample1.jpg'));
    await (await (await overlayFrame(page)).waitForSelector('[data-action="original"]:enabled'))!.click();
    await until(async () => (await received(page)).length === 1, 'the photo at the site');
    assert.equal((await received(page))[0]!.sha256, sha256(fileBytes(photo('sample1.jpg'))));
  } finally {
    await browser.close();
  }
});
