import { describe, expect, it } from 'vitest';
import { mergeDetections } from '../../models/merge';

const box = (x: number, y: number, size: number, score: number) => ({ x, y, width: size, height: size, score });

describe('mergeDetections', () => {
  it('keeps faces that do not overlap', () => {
    expect(mergeDetections([box(0, 0, 50, 0.9), box(200, 0, 50, 0.8)])).toHaveLength(2);
  });

  it('fuses views of one face into a score-weighted box scored by the best view', () => {
    const [merged] = mergeDetections([box(100, 100, 100, 0.9), box(110, 110, 100, 0.3)]);
    expect(merged!.score).toBe(0.9);
    expect(merged!.x).toBeCloseTo(102.5);
    expect(merged!.width).toBeCloseTo(100);
  });

  it('absorbs a box lying inside a stronger one (a face cut by a tile edge)', () => {
    const merged = mergeDetections([box(100, 100, 100, 0.9), { x: 100, y: 100, width: 50, height: 100, score: 0.6 }]);
    expect(merged).toHaveLength(1);
  });

  it('keeps two neighbours that only touch', () => {
    expect(mergeDetections([box(0, 0, 100, 0.9), box(90, 0, 100, 0.9)])).toHaveLength(2);
  });
});
