/**
 * Makes a HEIF photo laid out as an iPhone stores one (see `gridHeif`) from any photo: cut into
 * 512-px tiles by Chromium's canvas (the last row and column padded grey), each saved as a JPEG
 * at 0.98 and encoded by `heif-enc -q 60` (Debian `libheif-examples`), then put together.
 *
 *   node_modules/.bin/tsx tests/support/make-grid-heic.ts tests/fixtures/photos/sample4.jpg tests/fixtures/photos/sample4-grid.heic
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM } from './browser';
import { gridHeif } from './heif-grid';

const TILE = 512;
const [source, out] = process.argv.slice(2);
if (!source || !out) throw new Error('usage: make-grid-heic.ts <photo> <out.heic>');

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const { width, height, columns, tiles } = await (await browser.newPage()).evaluate(
  async ([data, side]) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/*;base64,${data}`)).blob());
    const [columns, rows] = [Math.ceil(bitmap.width / side), Math.ceil(bitmap.height / side)];
    const tiles: string[] = [];
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const canvas = new OffscreenCanvas(side, side);
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#808080';
        context.fillRect(0, 0, side, side);
        context.drawImage(bitmap, column * side, row * side, side, side, 0, 0, side, side);
        tiles.push(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.98 })).arrayBuffer()).toBase64());
      }
    }
    return { width: bitmap.width, height: bitmap.height, columns, tiles };
  },
  [readFileSync(source).toString('base64'), TILE] as const,
);
await browser.close();
const dir = mkdtempSync(join(tmpdir(), 'grid-heic-'));
const coded = tiles.map((jpeg, i) => {
  writeFileSync(join(dir, `${i}.jpg`), Buffer.from(jpeg, 'base64'));
  execFileSync('heif-enc', ['-q', '60', '-o', join(dir, `${i}.heic`), join(dir, `${i}.jpg`)], { stdio: 'ignore' });
  return new Uint8Array(readFileSync(join(dir, `${i}.heic`)));
});
writeFileSync(out, gridHeif(coded, columns, width, height));
console.log(`${out}: ${width} × ${height}, ${tiles.length} tiles`);
