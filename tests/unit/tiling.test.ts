import { describe, expect, it } from 'vitest';
import { planTiles } from '../../models/tiling';
import { intersection } from '../../models/boxes';

describe('planTiles', () => {
  it('starts with the whole image', () => {
    expect(planTiles(1920, 1280, { grids: [2, 3], overlap: 0.25 })[0]).toEqual({ x: 0, y: 0, width: 1920, height: 1280 });
  });

  it('cuts square tiles that stay inside the image and cover it at every level', () => {
    const [width, height] = [1920, 1280];
    const tiles = planTiles(width, height, { grids: [2, 3], overlap: 0.25 }).slice(1);
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
    const tiles = planTiles(1000, 1000, { grids: [3], overlap: 0.25 }).slice(1);
    const row = tiles.filter((t) => t.y === 0).sort((a, b) => a.x - b.x);
    expect(row).toHaveLength(3);
    for (let i = 1; i < row.length; i++) {
      expect(intersection(row[i - 1]!, row[i]!) / (row[i]!.width * row[i]!.height)).toBeGreaterThanOrEqual(0.24);
    }
  });

  it('puts more tiles along the longer side of a panorama', () => {
    const tiles = planTiles(4000, 1000, { grids: [2], overlap: 0.25 }).slice(1);
    expect(new Set(tiles.map((t) => t.y)).size).toBe(2);
    expect(new Set(tiles.map((t) => t.x)).size).toBeGreaterThan(4);
  });
});
