import { describe, expect, it } from 'vitest';
import { accepted, clusterDetections } from '../../models/merge';

const box = (x: number, y: number, size: number, score: number, view = 0) => ({ x, y, width: size, height: size, score, view });

describe('clusterDetections', () => {
  it('keeps faces that do not overlap apart', () => {
    expect(clusterDetections([box(0, 0, 50, 0.9), box(200, 0, 50, 0.8)])).toHaveLength(2);
  });

  it('fuses views of one face into a score-weighted box scored by the best view', () => {
    const [merged] = clusterDetections([box(100, 100, 100, 0.9), box(110, 110, 100, 0.3, 1)]);
    expect(merged!.score).toBe(0.9);
    expect(merged!.x).toBeCloseTo(102.5);
    expect(merged!.width).toBeCloseTo(100);
    expect([...merged!.votes]).toEqual([
      [0, 0.9],
      [1, 0.3],
    ]);
  });

  it('absorbs a face cut in half by a tile edge into the whole face', () => {
    const half = { x: 100, y: 100, width: 50, height: 100, score: 0.6, view: 0 };
    expect(clusterDetections([box(100, 100, 100, 0.9), half])).toHaveLength(1);
  });

  it('does not absorb a small face lying inside a large box: in a crowd it is another face', () => {
    expect(clusterDetections([box(0, 0, 300, 0.9), box(100, 100, 40, 0.6)])).toHaveLength(2);
  });

  it('keeps two neighbours that only touch', () => {
    expect(clusterDetections([box(0, 0, 100, 0.9), box(90, 0, 100, 0.9)])).toHaveLength(2);
  });
});

describe('accepted', () => {
  const vote = { minViews: 2, minScoreSum: 1.1 };
  it('needs two views to agree', () => {
    const [single] = clusterDetections([box(0, 0, 50, 0.95), box(2, 2, 50, 0.9)]);
    expect(accepted(single!, vote)).toBe(false);
    const [both] = clusterDetections([box(0, 0, 50, 0.6), box(2, 2, 50, 0.55, 1)]);
    expect(accepted(both!, vote)).toBe(true);
  });

  it('needs their best scores to add up', () => {
    const [weak] = clusterDetections([box(0, 0, 50, 0.5), box(2, 2, 50, 0.45, 1)]);
    expect(accepted(weak!, vote)).toBe(false);
  });
});
