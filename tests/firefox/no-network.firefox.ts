// Firefox's background page hosts the detector: analysing photos there must not reach the network
// either. Every request of the browser is sent through a proxy that remembers it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ElementHandle } from 'puppeteer-core';
import { launchFirefox, serveSite, until } from '../support/firefox';
import { startProxyWitness } from '../support/proxy-witness';
import { photo, SITE_PAGES } from '../support/sites';

/**
 * Firefox's own services (remote settings and the like), which it calls whatever the page or
 * extension, by HTTPS or plain HTTP; `dummy.test` is where Puppeteer points the ones it can.
 */
const FIREFOX_OWN = /^(CONNECT ([\w-]+\.)*(mozilla\.(com|net|org)|firefox\.com|dummy\.test):443|[A-Z]+ http:\/\/([\w-]+\.)*(mozilla\.(com|net|org)|firefox\.com|dummy\.test)\/)/;

test('Firefox: analysing photos makes no network request from any context', async () => {
  const proxy = await startProxyWitness();
  const browser = await launchFirefox({ prefs: proxy.firefoxPrefs });
  const control = 'https://control.invalid/from-a-page';
  try {
    const page = await browser.newPage();
    await serveSite(page, 'x');
    const reports: string[] = [];
    page.on('console', (message) => message.text().startsWith('photo-guard:') && reports.push(message.text()));
    await page.goto(SITE_PAGES.x.url);
    const input = (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
    // A HEIC too: libheif's worker is started for it, and must fetch nothing but its own wasm.
    await input.uploadFile(photo('sample2.jpg'), photo('sample4.jpg'), photo('sample2.heic'));
    await until(async () => reports.length === 3, 'a report for every photo');
    assert.match(reports.join('\n'), /sample2\.jpg: 3 face/);
    assert.match(reports.join('\n'), /sample2\.heic: 3 face/);
    // A request the proxy must see (from a tab whose requests the test does not answer itself),
    // or an empty list would prove nothing.
    const other = await browser.newPage();
    await other.evaluate((url) => fetch(url).catch(() => undefined), control);
    await until(async () => proxy.requests.includes('CONNECT control.invalid:443'), 'the control request at the proxy');
  } finally {
    await browser.close();
    await proxy.close();
  }
  assert.deepEqual(proxy.requests.filter((r) => !FIREFOX_OWN.test(r) && r !== 'CONNECT control.invalid:443'), []);
});
