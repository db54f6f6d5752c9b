import { readFileSync } from 'node:fs';
import type { LibHeif } from 'libheif-js/libheif-wasm/libheif.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../models/heif-decoder';
import { openHeif } from '../../models/heif-tiles';
import { rotatedHeif } from '../support/heif';
import { differing, loadLibheif, wholeDecode } from '../support/libheif';
import { photo } from '../support/sites';

let lib: LibHeif;
beforeAll(async () => {
  lib = await loadLibheif();
});

/** The photo as two workers decode it: each its half of the tile rows, the bands put back together. */
function inTwoBands(bytes: Uint8Array): { width: number; height: number; data: Uint8ClampedArray; tiles: number } {
  const heif = openHeif(lib, bytes);
  try {
    const { rows, columns, width, height } = heif.tiling;
    const data = new Uint8ClampedArray(width * height * 4);
    for (const part of [0, 1]) {
      const { from, to } = rowsOf(rows, part, 2);
      if (from < to) {
        const band = heif.band(from, to);
        data.set(band.data, band.top * width * 4);
      }
    }
    return { width, height, data, tiles: rows * columns };
  } finally {
    heif.close();
  }
}

describe("a HEIF photo decoded tile row by tile row, as the extension's workers share it", () => {
  const grid = new Uint8Array(readFileSync(photo('sample4-grid.heic')));

  it("is, for an iPhone's grid of tiles, exactly what libheif decodes whole", async () => {
    const shared = inTwoBands(grid);
    expect(shared.tiles).toBe(12);
    const whole = await wholeDecode(lib, grid);
    expect([shared.width, shared.height]).toEqual([1920, 1448]);
    expect(differing(shared.data, whole.data)).toBe(0);
  });

  it('is upright for a grid turned by its rotation property, the tiles the cut edge moved placed where the turn puts them', async () => {
    for (const quarters of [1, 2, 3]) {
      const turned = rotatedHeif(grid, quarters);
      const shared = inTwoBands(turned);
      expect([shared.width, shared.height]).toEqual(quarters === 2 ? [1920, 1448] : [1448, 1920]);
      expect(differing(shared.data, (await wholeDecode(lib, turned)).data)).toBe(0);
    }
  });

  it('is the same for a photo stored as one image, which one part decodes alone', async () => {
    const single = new Uint8Array(readFileSync(photo('sample2-sideways.heic')));
    const shared = inTwoBands(rotatedHeif(single, 3));
    expect(shared.tiles).toBe(1);
    expect(differing(shared.data, (await wholeDecode(lib, rotatedHeif(single, 3))).data)).toBe(0);
  });

  it('refuses a file libheif cannot read, freeing what it took', () => {
    expect(() => openHeif(lib, grid.subarray(0, 200))).toThrow(/libheif could not/);
  });
});

describe('the tile rows each part decodes', () => {
  it("splits them evenly, every row once, the last parts left empty when rows are fewer (a photo of one tile is the first's)", () => {
    expect([0, 1].map((part) => rowsOf(6, part, 2))).toEqual([{ from: 0, to: 3 }, { from: 3, to: 6 }]);
    expect([0, 1].map((part) => rowsOf(7, part, 2))).toEqual([{ from: 0, to: 4 }, { from: 4, to: 7 }]);
    expect([0, 1, 2, 3].map((part) => rowsOf(3, part, 4))).toEqual([{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }, { from: 3, to: 3 }]);
    expect([0, 1].map((part) => rowsOf(1, part, 2))).toEqual([{ from: 0, to: 1 }, { from: 1, to: 1 }]);
  });
});
