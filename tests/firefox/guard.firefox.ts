// The decision path in Firefox on strict fixtures (their handlers ignore untrusted events, as X
// may): what the user chose reaches the site for a file input, a drop and a paste.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { annotatedPhotos } from '../support/annotations';
import { boxesNotMasked, gifWith, photoRgbaInPage, quantised } from '../support/gif';
import { launchFirefox, overlayFrame, pastePhoto, received, serveSite, until } from '../support/firefox';
import { fileBytes, type Received, sha256 } from '../support/guard-page';
import { photo, SITE_PAGES } from '../support/sites';
import { photoTiff } from '../support/tiff';
import { cornerColours, redCornerJpeg, SWAPPED_PROFILE } from '../support/icc';
import { withColourProfile } from '../../photo/colour-profile';

let firefox: Browser;
before(async () => (firefox = await launchFirefox()));
after(() => firefox.close());

/** `handlers`: the fixture's handlers are set as properties (`onchange = …`), not added as listeners. */
async function strictPage(site: 'x' | 'facebook', handlers = false): Promise<Page> {
  const page = await firefox.newPage();
  await serveSite(page, site);
  await page.goto(`${SITE_PAGES[site].url}?strict${handlers ? '&handlers' : ''}`);
  return page;
}

const oneReceived = async (page: Page) => {
  await until(async () => (await received(page)).length === 1, 'the photo at the site');
  return (await received(page))[0]!;
};

/** Luminance spread inside each box of the delivered photo, decoded by the page. */
const spreadInBoxes = (page: Page, file: Received, boxes: number[][]) =>
  page.evaluate(
    async (data, type, faces) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:${type};base64,${data}`)).blob());
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return faces.map(([x, y, w, h]) => {
        const { data: rgba } = context.getImageData(x!, y!, w!, h!);
        const luma = [];
        for (let i = 0; i < rgba.length; i += 4) luma.push(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!);
        return Math.max(...luma) - Math.min(...luma);
      });
    },
    file.base64,
    file.type,
    boxes,
  );

/** An opaque fill over each face (padded) of the annotated photo `of`: the face's own box holds one colour. */
async function assertMasked(page: Page, file: Received, of = 'sample1.jpg'): Promise<void> {
  const { faces } = annotatedPhotos().find((p) => p.file === of)!;
  for (const spread of await spreadInBoxes(page, file, faces)) assert.ok(spread < 8, `a face is still visible (luminance spread ${spread})`);
}

/** `name` (a fixture photo, or a file's path) picked in strict X's input, held until its `faces` are shown, then protected: the page and what it got. */
async function pickAndProtect(name: string, faces = 3): Promise<{ page: Page; file: Received }> {
  const page = await strictPage('x');
  const input = (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(name.startsWith('/') ? name : photo(name));
  const overlay = await overlayFrame(page);
  await overlay.waitForSelector(`[data-guard-photo][data-faces="${faces}"]`);
  assert.deepEqual(await received(page), []); // held back until the user decides
  await (await overlay.waitForSelector('[data-action="protect"]:enabled'))!.click();
  return { page, file: await oneReceived(page) };
}

test('Firefox, file input: "Protect and post" delivers the photo masked and without its location', async () => {
  const { page, file } = await pickAndProtect('sample1.jpg');
  assert.deepEqual([file.name, file.how, file.trusted], ['sample1.jpg', 'input', true]);
  const path = join(mkdtempSync(join(tmpdir(), 'photo-guard-ff-')), file.name);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  assert.equal(execFileSync('exiftool', ['-q', '-q', '-GPS:all', '-s', path], { encoding: 'utf8' }), '');
  await assertMasked(page, file);
});

test('Firefox: an iPhone HEIC, which Firefox cannot open, is decoded in the background page, its faces masked in the JPEG posted', async () => {
  const { page, file } = await pickAndProtect('sample2.heic');
  assert.deepEqual([file.name, file.type], ['sample2.jpg', 'image/jpeg']);
  await assertMasked(page, file, 'sample2.jpg');
});

test("Firefox: an iPhone HEIC stored as a grid of tiles, which the background page's workers decode together, is masked whole", async () => {
  const { page, file } = await pickAndProtect('sample4-grid.heic', 4);
  assert.deepEqual([file.name, file.type], ['sample4-grid.jpg', 'image/jpeg']);
  await assertMasked(page, file, 'sample4.jpg');
});

test('Firefox: a TIFF, which Firefox cannot open, is decoded in the background page, its faces masked in the JPEG posted', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'photo-guard-ff-')), 'scan.tif');
  writeFileSync(path, photoTiff(fileBytes(photo('sample2.jpg')), 1920, 1367, { plain: true }));
  const { page, file } = await pickAndProtect(path);
  assert.deepEqual([file.name, file.type], ['scan.jpg', 'image/jpeg']);
  await assertMasked(page, file, 'sample2.jpg');
});

test('Firefox: a masked JPEG keeps its colour profile, drawn as stored (a corner stored red, shown green)', async () => {
  const maker = await strictPage('x');
  const stored = Buffer.from((await maker.evaluate(redCornerJpeg(Buffer.from(fileBytes(photo('sample2.jpg'))).toString('base64')))) as string, 'base64');
  const path = join(mkdtempSync(join(tmpdir(), 'photo-guard-ff-')), 'wide.jpg');
  writeFileSync(path, withColourProfile(stored, SWAPPED_PROFILE));
  const { page, file } = await pickAndProtect(path);
  const [asStored, asShown] = (await page.evaluate(cornerColours(file.base64))) as number[][];
  assert.ok(asStored![0]! > 200 && asStored![1]! < 60 && asShown![1]! > 200 && asShown![0]! < 80, `stored ${asStored}, shown ${asShown}`);
});

test('Firefox, file input: "Post original" delivers the original byte for byte, to an onchange handler too', async () => {
  for (const handlers of [false, true]) await postOriginal(await strictPage('x', handlers));
});

async function postOriginal(page: Page): Promise<void> {
  const input = (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(photo('sample4.jpg'));
  const overlay = await overlayFrame(page);
  await (await overlay.waitForSelector('[data-action="original"]:enabled'))!.click();
  assert.equal((await oneReceived(page)).sha256, sha256(fileBytes(photo('sample4.jpg'))));
}

// WebDriver BiDi cannot drag files from the system, so the page itself drops one: the guard holds
// it like any drop, and its delivery is what is tested (Firefox hides the files of a DataTransfer
// filled by an extension from the page).
test('Firefox, drop: "Post original" delivers the dropped file byte for byte, to an ondrop handler too', async () => {
  for (const handlers of [false, true]) await dropOriginal(await strictPage('facebook', handlers));
});

async function dropOriginal(page: Page): Promise<void> {
  await (await page.waitForSelector('#create'))!.click();
  await (await page.waitForSelector('#photo-video'))!.click();
  const dropped = await page.evaluate(async (base64) => {
    const file = new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'sample3.jpg', { type: 'image/jpeg' });
    const data = new DataTransfer();
    data.items.add(file);
    document.querySelector('.drop-zone')!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    return file.size;
  }, readFileSync(photo('sample3.jpg')).toString('base64'));
  assert.equal(dropped, fileBytes(photo('sample3.jpg')).length);
  const overlay = await overlayFrame(page);
  await (await overlay.waitForSelector('[data-action="original"]:enabled'))!.click();
  const file = await oneReceived(page);
  assert.deepEqual([file.how, file.trusted, file.sha256], ['drop', true, sha256(fileBytes(photo('sample3.jpg')))]);
}

test('Firefox, paste: a photo pasted from the clipboard is delivered masked, with the words copied along', async () => {
  const page = await strictPage('facebook');
  await (await page.waitForSelector('#create'))!.click();
  await pastePhoto(page, '[data-lexical-editor]', photo('sample1.jpg'), 'Sunday at the lake');
  const overlay = await overlayFrame(page);
  await overlay.waitForSelector('[data-guard-photo][data-faces="3"]');
  await (await overlay.waitForSelector('[data-action="protect"]:enabled'))!.click();
  const file = await oneReceived(page);
  assert.deepEqual([file.how, file.trusted, file.type, file.text], ['paste', true, 'image/png', 'Sunday at the lake']);
  await assertMasked(page, file);
});

test("Firefox: a face in a GIF's second frame is found, and masked in every frame of the posted GIF", async () => {
  const page = await strictPage('x');
  // Three frames: grey, a photo of three children (decoded by the page at 480 px), grey.
  const { height, base64 } = await page.evaluate(photoRgbaInPage, [readFileSync(photo('sample1.jpg')).toString('base64'), 480] as const);
  const { palette, pixels } = quantised(new Uint8Array(Buffer.from(base64, 'base64')));
  const path = join(mkdtempSync(join(tmpdir(), 'photo-guard-ff-')), 'party.gif');
  writeFileSync(path, gifWith({ width: 480, height, palette, frames: [40, pixels, 40] }));

  const input = (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
  const overlay = await overlayFrame(page);
  const card = (await overlay.waitForSelector('[data-guard-photo][data-frames="3/3"]'))!;
  const boxes = JSON.parse((await card.evaluate((el) => el.getAttribute('data-boxes')))!) as number[][];
  assert.ok(boxes.length >= 3, `faces found: ${boxes.length}`);
  await (await overlay.waitForSelector('[data-action="protect"]:enabled'))!.click();

  const file = await oneReceived(page);
  assert.deepEqual([file.name, file.type], ['party.gif', 'image/gif']);
  assert.deepEqual(boxesNotMasked(new Uint8Array(Buffer.from(file.base64, 'base64')), boxes), []);
});
