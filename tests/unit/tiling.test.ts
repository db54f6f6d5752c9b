import { describe, expect, it } from 'vitest';
import { planTiles, workingScale } from '../../models/tiling';
import { intersection } from '../../models/boxes';

describe('planTiles', () => {
  it('starts with the whole image', () => {
    expect(planTiles(1920, 1280, { grids: [2, 3], overlap: 0.25, minSide: 0 })[0]).toEqual({ x: 0, y: 0, width: 1920, height: 1280 });
  });

  it('cuts square tiles that stay inside the image and cover it at every level', () => {
    const [width, height] = [1920, 1280];
    const tiles = planTiles(width, height, { grids: [2, 3], overlap: 0.25, minSide: 0 }).slice(1);
    for (const t of tiles) {
      expect(t.width).toBe(t.height);
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.y).toBeGreaterThanOrEqual(0);
      expect(t.x + t.width).toBeLessThanOrEqual(width);
      expect(t.y + t.height).toBeLessThanOrEqual(height);
    }
    for (const side of new Set(tiles.map((t) => t.width))) {
      const level = tiles.filter((t) => t.width === side);
      const covered = level.reduce((sum, t) => sum + t.width * t.height, 0);
      expect(covered).toBeGreaterThanOrEqual(width * height);
      expect(Math.max(...level.map((t) => t.x + t.width))).toBe(width);
      expect(Math.max(...level.map((t) => t.y + t.height))).toBe(height);
    }
  });

  it('overlaps neighbours by at least the requested share, so a face cut by one tile is whole in the next', () => {
    const tiles = planTiles(1000, 1000, { grids: [3], overlap: 0.25, minSide: 0 }).slice(1);
    const row = tiles.filter((t) => t.y === 0).sort((a, b) => a.x - b.x);
    expect(row).toHaveLength(3);
    for (let i = 1; i < row.length; i++) {
      expect(intersection(row[i - 1]!, row[i]!) / (row[i]!.width * row[i]!.height)).toBeGreaterThanOrEqual(0.24);
    }
  });

  it('puts more tiles along the longer side of a panorama', () => {
    const tiles = planTiles(4000, 1000, { grids: [2], overlap: 0.25, minSide: 0 }).slice(1);
    expect(new Set(tiles.map((t) => t.y)).size).toBe(2);
    expect(new Set(tiles.map((t) => t.x)).size).toBeGreaterThan(4);
  });

  it('leaves out levels whose tiles would be smaller than the smallest useful tile', () => {
    const sides = (height: number) => new Set(planTiles(4000, height, { grids: [2, 3], overlap: 0.25, minSide: 96 }).slice(1).map((t) => t.width));
    expect(sides(400).size).toBe(2); // 229 and 160 px
    expect(sides(200).size).toBe(1); // 114 px; 3×3 would be 80
    expect(planTiles(4000, 50, { grids: [2, 3], overlap: 0.25, minSide: 96 })).toHaveLength(1); // the whole image alone
  });
});

describe('workingScale', () => {
  it('brings a photo\'s longest side to the working size, never enlarging', () => {
    expect(workingScale(4000, 3000, 1920)).toBeCloseTo(0.48);
    expect(workingScale(4000, 2000, 1920)).toBeCloseTo(0.48);
    expect(workingScale(800, 600, 1920)).toBe(1);
  });

  it('keeps the area of a 2:1 image for more elongated ones, so a long screenshot keeps its detail', () => {
    const scale = workingScale(1080, 20000, 1920);
    expect(1080 * scale * 20000 * scale).toBeCloseTo((1920 * 1920) / 2);
    expect(scale).toBeGreaterThan(1920 / 20000);
  });
});
