// Debian's firefox-esr driven over WebDriver BiDi (puppeteer-core 24; there is no geckodriver here),
// with the built Firefox extension installed. Used by tests/firefox/*.firefox.ts (`npm run test:firefox`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type { Received } from './guard-page';
import { postedResponse } from './posted-photos';
import { fixtureHtml, SITE_PAGES } from './sites';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The extension's fixed address in these tests (moz-extension://UUID/). */
export const EXTENSION_UUID = '5c0f3c2e-6a8b-4f5e-9d21-7f0e1b2a3c4d';

/** `installed: false`: no extension yet (`installGuard` adds it), as in a browser with tabs open before the install. */
export async function launchFirefox(options: { prefs?: Record<string, unknown>; installed?: boolean } = {}): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    // MediaPipe needs WebGL to take in images, even on its CPU delegate. Headless Firefox has no GL
    // driver to offer, so the tests run a real window under Xvfb (`xvfb-run`), where Mesa's
    // software GL serves, as a user's GPU would.
    headless: false,
    // Lets WebDriver open the extension's own pages (moz-extension:), refused by default since Firefox 153.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'photo-guard@photo-guard.app': EXTENSION_UUID }), ...options.prefs },
  });
  if (options.installed !== false) await installGuard(browser);
  return browser;
}

export const installGuard = (browser: Browser) => browser.installExtension(resolve('.output/firefox-mv2'));

/** Serves a fixture site at its real URL (and its query variants, such as ?strict); nothing else loads. */
export async function serveSite(page: Page, site: keyof typeof SITE_PAGES): Promise<void> {
  const { url, file } = SITE_PAGES[site];
  const body = fixtureHtml(file);
  await page.setRequestInterception(true);
  page.on('request', (request) => (request.url().split('?')[0] === url ? request.respond({ contentType: 'text/html', body }) : request.abort()));
}

/** Serves the pages of posted photos and their image hosts (what the popup scans); nothing else loads. */
export async function servePostedPhotos(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('moz-extension:')) return request.continue();
    const response = postedResponse(request.url());
    return response ? request.respond({ status: 200, ...response }) : request.abort();
  });
}

/**
 * Opens one of the extension's pages. It loads, but over BiDi Puppeteer never sees an extension
 * page's navigation complete: start it, then wait for the document itself.
 */
export async function openExtensionPage(page: Page, path: string): Promise<void> {
  const url = `moz-extension://${EXTENSION_UUID}/${path}`;
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  await until(() => page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url).catch(() => false), path);
}

/** What the fixture site's upload stub has received so far. */
export const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);

export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The guard's overlay frame. Over BiDi Puppeteer never sees an extension frame's navigation (its
 * URL stays about:blank), but scripts run in it: the frame is known by the document it holds.
 */
export async function overlayFrame(page: Page): Promise<Frame> {
  let overlay: Frame | undefined;
  const holdsOverlay = (frame: Frame) => frame.evaluate(() => location.pathname === '/overlay.html' && !!document.querySelector('[data-guard="overlay"]')).catch(() => false);
  await until(async () => {
    for (const frame of page.frames()) if (await holdsOverlay(frame)) overlay = frame;
    return !!overlay;
  }, 'the overlay');
  return overlay!;
}

/** A real paste in Firefox: the photo as a PNG (and `words`, if given) on the system clipboard, then Ctrl+V in `selector`. */
export async function pastePhoto(page: Page, selector: string, path: string, words?: string): Promise<void> {
  await page.evaluate(
    async (base64, text) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
      const png = await canvas.convertToBlob({ type: 'image/png' });
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png, ...(text && { 'text/plain': new Blob([text], { type: 'text/plain' }) }) })]);
    },
    readFileSync(path).toString('base64'),
    words ?? '',
  );
  await page.focus(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
}
