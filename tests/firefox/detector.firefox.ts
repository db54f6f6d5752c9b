// Firefox has no offscreen API: the detector runs in the background page. The same X fixture as
// the Chromium tests. Run with `npm run test:firefox` (under xvfb-run).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { annotatedPhotos } from '../support/annotations';
import { type Drawing, drawArgs, drawnPhoto } from '../support/drawn-photo';
import { launchFirefox, serveSite, until } from '../support/firefox';
import { guardReports } from '../support/guard-reports';
import { photo, SITE_PAGES } from '../support/sites';

/** X's composer in Firefox with the extension, and what the guard reports per photo picked there. */
async function composerReports(): Promise<{ browser: Browser; page: Page; reports: Map<string, string>; pick: (paths: string[]) => Promise<void> }> {
  const browser = await launchFirefox();
  try {
    const page = await browser.newPage();
    await serveSite(page, 'x');
    const reports = guardReports(page);
    await page.goto(SITE_PAGES.x.url);
    const input = (await page.waitForSelector('input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
    return { browser, page, reports, pick: (paths) => input.uploadFile(...paths) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

test('Firefox: photos picked in X\'s file input are analysed in the background page, metadata included', async () => {
  const { browser, reports, pick } = await composerReports();
  try {
    const photos = annotatedPhotos().filter((p) => p.file.startsWith('sample'));
    await pick(photos.map((p) => photo(p.file)));
    await until(async () => reports.size >= photos.length, 'a report for every photo');
    for (const { file, faces } of photos) {
      // Every sample carries GPS: the content script must see the page's file's metadata too.
      assert.match(reports.get(file) ?? 'no report', new RegExp(`^${faces.length} face\\(s\\), metadata: gps,`), file);
    }
  } finally {
    await browser.close();
  }
});

/** A JPEG of a sample photo drawn in the page (see `Drawing`), saved to a temporary file. */
async function drawnInPage(page: Page, file: string, drawing: Drawing): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'drawn-')), `drawn-${file}`);
  writeFileSync(path, Buffer.from(await page.evaluate(drawnPhoto, drawArgs(photo(file), drawing)), 'base64'));
  return path;
}

test('Firefox: a photo taken in poor light is analysed with its tones stretched', async () => {
  const { browser, page, reports, pick } = await composerReports();
  try {
    // Dimmed and flattened as by a lamp-lit room; unstretched, more boxes than faces.
    await pick([await drawnInPage(page, 'sample1.jpg', { filter: 'brightness(0.35) contrast(0.6)' })]);
    await until(async () => reports.has('drawn-sample1.jpg'), 'a report for the dimmed photo');
    assert.match(reports.get('drawn-sample1.jpg')!, /^3 face\(s\), /);
  } finally {
    await browser.close();
  }
});

test('Firefox: faces upside down in a photo are found in the background page too', async () => {
  const { browser, page, reports, pick } = await composerReports();
  try {
    // Turned a half turn, sample6's four faces were found by none of the upright views.
    await pick([await drawnInPage(page, 'sample6.jpg', { upsideDown: true })]);
    await until(async () => reports.has('drawn-sample6.jpg'), 'a report for the turned photo');
    assert.match(reports.get('drawn-sample6.jpg')!, /^4 face\(s\), /);
  } finally {
    await browser.close();
  }
});
