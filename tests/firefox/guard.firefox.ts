// The decision path in Firefox, on the X fixture in strict mode (its handlers ignore untrusted
// events, as X may): the overlay's choices reach the site as they do in Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { annotatedPhotos } from '../support/annotations';
import { launchFirefox, overlayFrame, serveSite, until } from '../support/firefox';
import { fileBytes, type Received, sha256 } from '../support/guard-page';
import { photo, SITE_PAGES } from '../support/sites';

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);

/** Luminance spread inside each box of the delivered photo, decoded by the page. */
const spreadInBoxes = (page: Page, base64: string, boxes: number[][]) =>
  page.evaluate(
    async (data, faces) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${data}`)).blob());
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return faces.map(([x, y, w, h]) => {
        const { data: rgba } = context.getImageData(x!, y!, w!, h!);
        const luma = [];
        for (let i = 0; i < rgba.length; i += 4) luma.push(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!);
        return Math.max(...luma) - Math.min(...luma);
      });
    },
    base64,
    boxes,
  );

test('Firefox: on a strict site, "Protect and post" delivers the photo masked and without its location', async () => {
  const firefox = await launchFirefox();
  try {
    const page = await firefox.newPage();
    await serveSite(page, 'x');
    await page.goto(`${SITE_PAGES.x.url}?strict`);
    const input = (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(photo('sample1.jpg'));
    const overlay = await overlayFrame(page);
    await overlay.waitForSelector('[data-guard-photo][data-faces="3"]');
    assert.deepEqual(await received(page), []); // held back until the user decides
    await (await overlay.waitForSelector('[data-action="protect"]:enabled'))!.click();

    await until(async () => (await received(page)).length === 1, 'the protected photo');
    const [file] = await received(page);
    assert.equal(file!.trusted, true);
    assert.equal(file!.name, 'sample1.jpg');
    const path = join(mkdtempSync(join(tmpdir(), 'photo-guard-ff-')), file!.name);
    writeFileSync(path, Buffer.from(file!.base64, 'base64'));
    assert.equal(execFileSync('exiftool', ['-q', '-q', '-GPS:all', '-s', path], { encoding: 'utf8' }), '');
    // An opaque fill over each face (padded): the face's own box holds one colour.
    const { faces } = annotatedPhotos().find((p) => p.file === 'sample1.jpg')!;
    for (const spread of await spreadInBoxes(page, file!.base64, faces)) assert.ok(spread < 8, `a face is still visible (luminance spread ${spread})`);
  } finally {
    await firefox.close();
  }
});

test('Firefox: on a strict site, "Post original" delivers the original byte for byte', async () => {
  const firefox = await launchFirefox();
  try {
    const page = await firefox.newPage();
    await serveSite(page, 'x');
    await page.goto(`${SITE_PAGES.x.url}?strict`);
    const input = (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(photo('sample4.jpg'));
    const overlay = await overlayFrame(page);
    await (await overlay.waitForSelector('[data-action="original"]:enabled'))!.click();
    await until(async () => (await received(page)).length === 1, 'the original');
    assert.equal((await received(page))[0]!.sha256, sha256(fileBytes(photo('sample4.jpg'))));
  } finally {
    await firefox.close();
  }
});
