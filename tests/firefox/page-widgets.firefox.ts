// Inputs a page builds its own way, in Firefox: one inside a web component's shadow root (open or
// closed), one clicked without ever being put in the document (the page-world script puts it
// there), and an editable box that leaves pasting to the browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox, overlayFrame, pastePhoto, received, serveSite, until } from '../support/firefox';
import { fileBytes, sha256 } from '../support/guard-page';
import { photo, SITE_PAGES } from '../support/sites';

let firefox: Browser;
before(async () => (firefox = await launchFirefox()));
after(() => firefox.close());

type FixtureWindow = { uploadFiles(files: FileList | null, how: string, event: Event): void; takeFrom(input: HTMLInputElement): void };

/** A page of the Facebook fixture, whose own inputs hand their files to its upload stub through `takeFrom`. */
async function fixturePage(): Promise<Page> {
  const page = await firefox.newPage();
  await serveSite(page, 'facebook');
  await page.goto(SITE_PAGES.facebook.url);
  await page.evaluate(() => {
    const site = window as unknown as FixtureWindow;
    site.takeFrom = (input) => input.addEventListener('change', (event) => site.uploadFiles(input.files, 'input', event));
  });
  return page;
}

/** sample4.jpg picked in the page's own `input`: held until "Post original", then the page's, byte for byte. */
async function heldThenPosted(page: Page, input: ElementHandle<HTMLInputElement>): Promise<void> {
  await input.uploadFile(photo('sample4.jpg'));
  const overlay = await overlayFrame(page);
  await overlay.waitForSelector('[data-guard-photo][data-faces="4"]');
  assert.deepEqual(await received(page), []);
  await (await overlay.waitForSelector('[data-action="original"]:enabled'))!.click();
  await until(async () => (await received(page)).length === 1, 'the photo at the site');
  assert.equal((await received(page))[0]!.sha256, sha256(fileBytes(photo('sample4.jpg'))));
}

for (const mode of ['open', 'closed'] as const) test(`Firefox: a photo picked in a web component's own input (in its ${mode} shadow root) is held`, async () => {
  const page = await fixturePage();
  const input = await page.evaluateHandle((mode) => {
    const shadow = document.body.appendChild(document.createElement('div')).attachShadow({ mode });
    shadow.innerHTML = '<input type="file" accept="image/*">';
    const input = shadow.querySelector('input')!;
    (window as unknown as FixtureWindow).takeFrom(input);
    input.click(); // as the user's click opens its dialog
    return input;
  }, mode);
  await heldThenPosted(page, input);
});

test('Firefox: a photo picked in an input the page never put in its document is held', async () => {
  const page = await fixturePage();
  const input = await page.evaluateHandle(() => {
    const input = document.createElement('input');
    input.type = 'file';
    (window as unknown as FixtureWindow).takeFrom(input);
    input.click(); // the page-world script puts it in the document as it opens its dialog
    return input;
  });
  await heldThenPosted(page, input);
});

test('Firefox: a photo pasted in an editable box no script handles is held, then goes in as the browser puts it', async () => {
  const page = await fixturePage();
  await page.evaluate(() => {
    const box = document.body.appendChild(document.createElement('div'));
    box.id = 'comment';
    box.contentEditable = 'true';
  });
  await pastePhoto(page, '#comment', photo('sample4.jpg'));
  const overlay = await overlayFrame(page);
  await overlay.waitForSelector('[data-guard-photo][data-faces="4"]');
  assert.equal(await page.$$eval('#comment img', (images) => images.length), 0);
  await (await overlay.waitForSelector('[data-action="original"]:enabled'))!.click();
  await until(async () => (await page.$$eval('#comment img', (images) => images.length)) === 1, 'the picture in the box');
  const size = await page.$eval('#comment img', async (img) => {
    await (img as HTMLImageElement).decode();
    return [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight];
  });
  assert.deepEqual(size, [1920, 1448]);
});
