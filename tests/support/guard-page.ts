import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { iou } from '../../models/boxes';
import { annotatedPhotos } from './annotations';
import { type Drawing, drawArgs, drawnPhoto } from './drawn-photo';

export interface Received {
  name: string;
  type: string;
  size: number;
  lastModified: number;
  sha256: string;
  base64: string;
  trusted: boolean;
  how: "input" | "drop" | "paste";
  /** `performance.now()` in the page when the site's listener got the files. */
  at: number;
  /** A paste's plain text. */
  text?: string;
}

/** What the fixture site's upload stub has received so far. */
export const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);

/** A file the site received, written to `dir` as `name` (for exiftool to read): its path. */
export function writeReceived(dir: string, name: string, file: Received): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return path;
}

/** The guard's overlay frames (extension pages) on screen: one loaded ahead of its window is hidden. */
async function shownOverlays(page: Page): Promise<Frame[]> {
  const frames = page.frames().filter((f) => f.url().includes('/overlay.html'));
  const visible = await Promise.all(frames.map((f) => f.frameElement().then((element) => element.isVisible(), () => false)));
  return frames.filter((_, i) => visible[i]);
}

/** The guard's overlay frame, once it is shown. */
export async function overlayFrame(page: Page, timeout = 60_000): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(async () => (frame = (await shownOverlays(page))[0]), { timeout }).toBeTruthy();
  await frame!.locator('[data-guard="overlay"]').waitFor();
  return frame!;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * From now on, the page logs OVERLAY_SHOWN when a decision window comes on screen, in order with
 * the guard's own reports (a window's frame may be loaded ahead, hidden: its loading says nothing).
 */
export const OVERLAY_SHOWN = 'test: overlay shown';
export const logOverlayShown = (page: Page) =>
  page.evaluate((line) => {
    const logged = new WeakSet<Element>();
    const look = () => {
      for (const host of document.querySelectorAll<HTMLElement>('photo-guard-overlay')) {
        if (host.style.display !== 'none' && !logged.has(host)) (logged.add(host), console.log(line));
      }
    };
    new MutationObserver(look).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
  }, OVERLAY_SHOWN);

/** Whether the guard's overlay is on screen. */
export const overlayShown = async (page: Page) => (await shownOverlays(page)).length > 0;

/** The site received exactly this one photo, byte for byte, and the guard never asked. */
export async function expectPostedUntouched(page: Page, path: string): Promise<void> {
  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]!.sha256).toBe(sha256(fileBytes(path)));
  expect(await overlayShown(page)).toBe(false);
}

export const fileBytes = (path: string) => new Uint8Array(readFileSync(path));

/** A real, trusted drop of files from the OS onto an element (CDP Input.dispatchDragEvent). */
export async function dropFiles(page: Page, selector: string, files: string[]): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  }
  await cdp.detach();
}

/**
 * A real paste: puts a PNG (and `text`, if given) on the system clipboard, focuses the element and
 * presses Ctrl+V; with no selector, into what has the focus.
 */
export async function pastePng(page: Page, selector: string | null, jpegPath: string, text?: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const base64 = readFileSync(jpegPath).toString('base64');
  await page.evaluate(
    async ([data, words]) => {
      const jpeg = await (await fetch(`data:image/jpeg;base64,${data}`)).blob();
      const bitmap = await createImageBitmap(jpeg);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
      const png = await canvas.convertToBlob({ type: 'image/png' });
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png, ...(words && { 'text/plain': new Blob([words], { type: 'text/plain' }) }) })]);
    },
    [base64, text] as const,
  );
  if (selector) await page.locator(selector).focus();
  await page.keyboard.press('Control+V');
}

/** A JPEG made in the page from a photo (see `Drawing`; by default, one copy as it is). */
export async function stackedInPage(page: Page, path: string, drawing: Drawing = {}): Promise<Buffer> {
  return Buffer.from(await page.evaluate(drawnPhoto, drawArgs(path, drawing)), 'base64');
}

/** Decodes images in the page (as the site would) and returns their sizes and an RGBA digest. */
export async function decodeInPage(page: Page, base64: string[]): Promise<Array<{ width: number; height: number; pixels: string }>> {
  return page.evaluate(async (images) => {
    const results = [];
    for (const data of images) {
      const bitmap = await createImageBitmap(await (await fetch(`data:application/octet-stream;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const digest = await crypto.subtle.digest('SHA-256', rgba);
      results.push({ width: bitmap.width, height: bitmap.height, pixels: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') });
    }
    return results;
  }, base64);
}

/** sample1.jpg's three faces, found in a copy of it `factor` times its size and boxed in that copy's pixels. */
export async function expectSample1At(factor: number, card: Locator): Promise<void> {
  await expect(card).toHaveAttribute('data-faces', '3');
  const { faces } = annotatedPhotos().find((p) => p.file === 'sample1.jpg')!;
  const boxes = (JSON.parse((await card.getAttribute('data-boxes'))!) as number[][]).map(([x, y, w, h]) => ({ x: x!, y: y!, width: w!, height: h! }));
  for (const [x, y, w, h] of faces) expect(Math.max(...boxes.map((b) => iou(b, { x: factor * x!, y: factor * y!, width: factor * w!, height: factor * h! })))).toBeGreaterThan(0.4);
}
