import { describe, expect, it } from 'vitest';
import { addScores, precision, recall, scoreImage } from '../bench/score';

const r = (x: number, y: number, s = 40) => ({ x, y, width: s, height: s });

describe('bench scoring', () => {
  it('matches each face at most once at IoU >= 0.3', () => {
    const score = scoreImage([r(0, 0), r(2, 2), r(500, 500)], { required: [r(0, 0)], all: [r(0, 0)] });
    expect(score).toEqual({ required: 1, found: 1, detections: 3, correct: 1 });
    expect(recall(score)).toBe(1);
    expect(precision(score)).toBeCloseTo(1 / 3);
  });

  it('does not count a found hard face as a false alarm, nor as recall', () => {
    const hard = r(300, 300, 10);
    const score = scoreImage([hard], { required: [r(0, 0)], all: [r(0, 0), hard] });
    expect(score).toEqual({ required: 1, found: 0, detections: 1, correct: 1 });
  });

  it('adds scores over images', () => {
    const a = { required: 2, found: 1, detections: 3, correct: 2 };
    expect(addScores([a, a])).toEqual({ required: 4, found: 2, detections: 6, correct: 4 });
  });
});
