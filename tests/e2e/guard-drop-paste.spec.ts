import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension-test';
import { dropFiles, fileBytes, overlayFrame, pastePng, received, sha256 } from '../support/guard-page';
import { photo, SITE_PAGES } from '../support/sites';

let page: Page;
test.beforeEach(async ({ tab }) => {
  page = tab;
  await page.goto(SITE_PAGES.x.url);
});

const COMPOSER = '[role="dialog"][aria-label="Compose post"]';
const TEXTBOX = '[data-testid="tweetTextarea_0"]';

test('a dropped photo is held back, and the site gets the drop once the user decides', async () => {
  await dropFiles(page, COMPOSER, [photo('sample2.jpg'), photo('no-face-plasma.jpg')]);
  const overlay = await overlayFrame(page);
  expect(await received(page)).toEqual([]);
  await expect(overlay.locator('[data-guard-photo]')).toHaveCount(2);
  await expect(overlay.locator('[data-guard-photo]').first()).toHaveAttribute('data-faces', '3');
  await overlay.locator('[data-action="original"]').click();
  await expect.poll(() => received(page)).toHaveLength(2);
  const files = await received(page);
  expect(files.map((f) => [f.name, f.sha256, f.how])).toEqual([
    ['sample2.jpg', sha256(fileBytes(photo('sample2.jpg'))), 'drop'],
    ['no-face-plasma.jpg', sha256(fileBytes(photo('no-face-plasma.jpg'))), 'drop'],
  ]);
});

test('a pasted photo is held back, and "Protect and post" pastes the masked one', async () => {
  await pastePng(page, TEXTBOX, photo('sample6.jpg'));
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '4');
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  expect(file).toMatchObject({ type: 'image/png', how: 'paste' });
});

test('words copied along with a pasted photo arrive with it', async () => {
  await pastePng(page, TEXTBOX, photo('sample6.jpg'), 'Sunday at the lake');
  await (await overlayFrame(page)).locator('[data-action="original"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]).toMatchObject({ type: 'image/png', how: 'paste', text: 'Sunday at the lake' });
});

test('a drop without images passes untouched', async () => {
  await dropFiles(page, COMPOSER, [photo('README.md')]);
  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]).toMatchObject({ name: 'README.md', how: 'drop', trusted: true });
});

/** A folder of these fixture files, `nested` ones in a folder inside it. */
function folderOf(names: string[], nested: string[] = []): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'photo-guard-folder-')), 'Summer 2026');
  mkdirSync(join(folder, 'beach'), { recursive: true });
  for (const name of names) copyFileSync(photo(name), join(folder, name));
  for (const name of nested) copyFileSync(photo(name), join(folder, 'beach', name));
  return folder;
}

test("a dropped folder's photos (and its folders') are held back and checked; the site gets them as the drop's files", async () => {
  // The fixture's drop zone reads a folder's files through the drop's entries, as folder-taking upload widgets do.
  await dropFiles(page, COMPOSER, [folderOf(['sample4.jpg'], ['no-face-cat.jpg']), photo('sample2.jpg')]);
  const overlay = await overlayFrame(page);
  expect(await received(page)).toEqual([]);
  await expect(overlay.locator('[data-guard-photo]')).toHaveCount(3);
  await expect(overlay.locator('[data-guard-photo][data-faces="4"]')).toHaveAttribute('data-metadata', /gps/);
  await overlay.locator('[data-action="original"]').click();
  await expect.poll(() => received(page)).toHaveLength(3);
  const files = (await received(page)).map((f) => [f.name, f.sha256, f.how]).sort();
  expect(files).toEqual(['no-face-cat.jpg', 'sample2.jpg', 'sample4.jpg'].map((name) => [name, sha256(fileBytes(photo(name))), 'drop']));
});

test('a dropped folder without photos reaches the site as its files', async () => {
  await dropFiles(page, COMPOSER, [folderOf(['README.md'])]);
  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]).toMatchObject({ name: 'README.md', how: 'drop', sha256: sha256(fileBytes(photo('README.md'))) });
});
