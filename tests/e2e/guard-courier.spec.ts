import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/composer-test';
import { inDetectorPage } from '../support/detector-page';
import { expectSample1At, overlayFrame, overlayShown, received, stackedInPage } from '../support/guard-page';
import { fixtureHtml, photo, SITE_PAGES } from '../support/sites';

/**
 * Watches, in the detector's page, how the photos it is given reach it: how many come as base64
 * (through runtime messages), and the sizes of those read from a Blob (a parcel).
 */
const WATCH = `globalThis.watched = { base64: 0, blobs: [] };
  globalThis.unhooked = [Uint8Array.fromBase64, Blob.prototype.arrayBuffer];
  Uint8Array.fromBase64 = (...args) => (globalThis.watched.base64++, globalThis.unhooked[0](...args));
  Blob.prototype.arrayBuffer = function () { globalThis.watched.blobs.push(this.size); return globalThis.unhooked[1].call(this); };`;
const UNWATCH = '[Uint8Array.fromBase64, Blob.prototype.arrayBuffer] = globalThis.unhooked';
const watched = async (page: Page) => (await inDetectorPage(page, 'globalThis.watched')) as { base64: number; blobs: number[] };

/** The photo reached the detector as a parcel, whole: no base64, and every Blob read is its size. */
async function expectParcelOf(page: Page, size: number): Promise<void> {
  const { base64, blobs } = await watched(page);
  expect(base64).toBe(0);
  expect([...new Set(blobs)]).toEqual([size]);
}

/** sample1.jpg picked: its faces shown, found in the photo as it reached the detector, a parcel. */
async function sample1AsParcel(page: Page, input: () => Locator): Promise<void> {
  await inDetectorPage(page, WATCH);
  try {
    await input().setInputFiles(photo('sample1.jpg'));
    await expectSample1At(1, (await overlayFrame(page)).locator('[data-guard-photo]'));
    await expectParcelOf(page, statSync(photo('sample1.jpg')).size);
  } finally {
    await inDetectorPage(page, UNWATCH);
  }
}

/** The detector up and running, as after a first photo. */
async function detectorRunning(page: Page, input: () => Locator): Promise<void> {
  await input().setInputFiles(photo('no-face-landscape.jpg'));
  await expect.poll(() => received(page)).toHaveLength(1);
}

test('a phone-sized photo reaches the detector whole, handed over by the courier frame, not as base64', async ({ composer: { page, input } }) => {
  await detectorRunning(page, input);
  const tripled = join(mkdtempSync(join(tmpdir(), 'photo-guard-tripled-')), 'tripled.jpg');
  writeFileSync(tripled, await stackedInPage(page, photo('sample1.jpg'), { scale: 3 })); // 5760×3840
  const size = statSync(tripled).size;
  expect(size).toBeGreaterThan(1024 * 1024);
  await inDetectorPage(page, WATCH);
  try {
    await input().setInputFiles(tripled);
    await expectSample1At(3, (await overlayFrame(page)).locator('[data-guard-photo]'));
    await expectParcelOf(page, size);
  } finally {
    await inDetectorPage(page, UNWATCH);
  }
});

for (const how of ['removed', 'moved'] as const) {
  test(`a courier frame the page ${how} is replaced: the next photo still goes as a parcel, and is checked`, async ({ composer: { page, input } }) => {
    await detectorRunning(page, input);
    // The page cannot reach into the frame, nor even count it among its frames, but it can take its
    // host element out of the document (a page rewriting its markup), or move it (reloading the frame).
    await page.evaluate((moved) => {
      const host = document.querySelector('photo-guard-courier')!;
      if (moved) document.body.append(host);
      else host.remove();
    }, how === 'moved');
    await sample1AsParcel(page, input);
  });
}

test('on a page that takes out every courier frame as it comes, photos go as base64 after one more try, and are checked', async ({ composer: { page, input } }) => {
  await detectorRunning(page, input);
  await page.evaluate(() => {
    const w = window as unknown as { couriersRemoved: number };
    w.couriersRemoved = 0;
    const removeAll = () => {
      for (const host of document.querySelectorAll('photo-guard-courier')) (host.remove(), w.couriersRemoved++);
    };
    new MutationObserver(removeAll).observe(document.documentElement, { childList: true });
    removeAll();
  });
  await inDetectorPage(page, WATCH);
  try {
    for (const [i, name] of ['sample1.jpg', 'sample2.jpg'].entries()) {
      await input().setInputFiles(photo(name));
      const overlay = await overlayFrame(page);
      await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
      expect((await watched(page)).base64).toBe(i + 1);
      await overlay.locator('[data-action="cancel"]').click();
      await expect.poll(() => overlayShown(page)).toBe(false);
    }
  } finally {
    await inDetectorPage(page, UNWATCH);
  }
  // The frame the composer had, and the one the first photo tried: none for the photo after.
  expect(await page.evaluate(() => (window as unknown as { couriersRemoved: number }).couriersRemoved)).toBe(2);
});

test("under a page's policy that allows no frames (sites restrict theirs), the courier and the window still open", async ({ composer: { page, input } }) => {
  // X, Instagram and Facebook send a Content-Security-Policy naming the frames they allow; Chrome
  // lets an extension's own pages through it, as extensions framing their UI rely on.
  const url = `${SITE_PAGES.x.url}?framed-by-none`;
  await page.context().route(url, (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': "frame-src 'none'; child-src 'none'" }, body: fixtureHtml(SITE_PAGES.x.file) }),
  );
  await page.goto(url);
  // The policy holds: a frame the page itself adds is refused.
  const refused = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
        setTimeout(() => resolve(false), 2_000);
        document.body.append(Object.assign(document.createElement('iframe'), { src: 'https://upload.x.com/' }));
      }),
  );
  expect(refused).toBe(true);
  await detectorRunning(page, input);
  await sample1AsParcel(page, input);
});
