import { describe, expect, it } from 'vitest';
import { cellTexture } from '../../models/texture';

/** A grey image: a smooth gradient (a sky), with a small checkered patch (a face's detail) at (px, py). */
function sky(width: number, height: number, patch?: { px: number; py: number }) {
  const grey = Array.from({ length: width * height }, (_, i) => 120 + (Math.floor(i / width) / height) * 40);
  if (patch) for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) grey[(patch.py + y) * width + patch.px + x] = (x + y) % 2 ? 40 : 220;
  return grey;
}

describe('cellTexture', () => {
  it('finds a smooth sky flat everywhere', () => {
    const cells = cellTexture(sky(120, 90), 120, 90);
    expect(cells.maxOver(0, 0, 120, 90)).toBeLessThan(1);
  });

  it('finds a small busy patch in a wide flat region: the busiest cell counts, not the mean', () => {
    const cells = cellTexture(sky(120, 90, { px: 70, py: 40 }), 120, 90);
    expect(cells.maxOver(0, 0, 120, 90)).toBeGreaterThan(20);
    expect(cells.maxOver(60, 30, 30, 30)).toBeGreaterThan(20);
    // Away from the patch, the sky stays flat.
    expect(cells.maxOver(0, 0, 50, 30)).toBeLessThan(1);
  });

  it('reads regions that run past the image as their part inside it', () => {
    const cells = cellTexture(sky(60, 60, { px: 30, py: 30 }), 60, 60);
    expect(cells.maxOver(30, 30, 100, 100)).toBeGreaterThan(20);
    expect(cells.maxOver(-50, -50, 80, 80)).toBeLessThan(1);
  });
});
