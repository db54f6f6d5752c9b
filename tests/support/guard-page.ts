import { expect, type Frame, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface Received {
  name: string;
  type: string;
  size: number;
  lastModified: number;
  sha256: string;
  base64: string;
  trusted: boolean;
}

/** What the fixture site's upload stub has received so far. */
export const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);

/** The guard's overlay frame (an extension page), once it is shown. */
export async function overlayFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => f.url().includes('/overlay.html')))).toBeTruthy();
  await frame!.locator('[data-guard="overlay"]').waitFor();
  return frame!;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const fileBytes = (path: string) => new Uint8Array(readFileSync(path));
