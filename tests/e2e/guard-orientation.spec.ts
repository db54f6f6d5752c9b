import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/composer-test';
import { annotatedPhotos } from '../support/annotations';
import { iou } from '../../models/boxes';
import { overlayFrame } from '../support/guard-page';
import { photo } from '../support/sites';

/** The orientation whose turn undoes orientation o's (a quarter turn one way, the other). */
const UNDO = [0, 1, 2, 3, 4, 5, 8, 7, 6];

/**
 * A photo stored as a camera held sideways or upside down stores it: the upright photo scaled by
 * `scale` and turned so that a viewer applying EXIF orientation `o` shows it upright again. The
 * matrices are EXIF's eight display transforms (x' = a·x + c·y + e, y' = b·x + d·y + f).
 */
async function storedFor(page: Page, path: string, o: number, scale: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([data, turn, factor]) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${data}`)).blob());
      const [w, h] = [Math.round(bitmap.width * factor), Math.round(bitmap.height * factor)];
      const sideways = turn >= 5;
      const canvas = new OffscreenCanvas(sideways ? h : w, sideways ? w : h);
      const context = canvas.getContext('2d')!;
      const matrices = [[1, 0, 0, 1, 0, 0], [-1, 0, 0, 1, w, 0], [-1, 0, 0, -1, w, h], [1, 0, 0, -1, 0, h],
        [0, 1, 1, 0, 0, 0], [0, 1, -1, 0, h, 0], [0, -1, -1, 0, h, w], [0, -1, 1, 0, 0, w]];
      const [a, b, c, d, e, f] = matrices[turn - 1]!;
      context.setTransform(a!, b!, c!, d!, e!, f!);
      context.drawImage(bitmap, 0, 0, w, h);
      return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer()).toBase64();
    },
    [readFileSync(path).toString('base64'), UNDO[o]!, scale] as const,
  );
  return Buffer.from(base64, 'base64');
}

// Twice the working copy's size: the detector decodes such a JPEG at a reduced scale, and the
// orientation is then applied by the browser's scaled decoder, not by a full decode.
test('a large photo stored in each of the eight EXIF orientations is analysed as it is displayed', async ({ composer: { page, input } }) => {
  const dir = mkdtempSync(join(tmpdir(), 'photo-guard-orientation-'));
  const files: string[] = [];
  for (let o = 1; o <= 8; o++) {
    const file = join(dir, `orientation-${o}.jpg`);
    writeFileSync(file, await storedFor(page, photo('sample6.jpg'), o, 2));
    execFileSync('exiftool', ['-q', '-overwrite_original', `-Orientation#=${o}`, file]);
    files.push(file);
  }
  await input().setInputFiles(files);

  const overlay = await overlayFrame(page);
  const { faces } = annotatedPhotos().find((p) => p.file === 'sample6.jpg')!;
  for (let o = 1; o <= 8; o++) {
    const card = overlay.locator('[data-guard-photo]').filter({ has: overlay.locator(`img[alt="orientation-${o}.jpg"]`) });
    await expect(card).toHaveAttribute('data-faces', String(faces.length), { timeout: 60_000 });
    const boxes = (JSON.parse((await card.getAttribute('data-boxes'))!) as number[][]).map(([x, y, w, h]) => ({ x: x!, y: y!, width: w!, height: h! }));
    for (const [x, y, w, h] of faces) {
      const face = { x: 2 * x!, y: 2 * y!, width: 2 * w!, height: 2 * h! };
      expect(Math.max(...boxes.map((b) => iou(b, face))), `orientation ${o}`).toBeGreaterThan(0.4);
    }
  }
});
