import { describe, expect, it } from 'vitest';
import { inReadingOrder, type Rect, suppressed } from '../../models/boxes';

const face = (name: string, x: number, y: number, side = 40) => ({ name, x, y, width: side, height: side });
const names = (boxes: Array<Rect & { name: string }>) => inReadingOrder(boxes).map((b) => b.name).join(' ');

describe('inReadingOrder', () => {
  it('numbers a group photo row by row, left to right, whatever order the detector gave', () => {
    // Back row a little uneven, front row lower; given in the detector's order (by score).
    const back = [face('b3', 300, 100), face('b1', 100, 110), face('b2', 200, 92)];
    const front = [face('f2', 240, 200, 50), face('f1', 120, 210, 50)];
    expect(names([front[0]!, back[0]!, front[1]!, back[1]!, back[2]!])).toBe('b1 b2 b3 f1 f2');
  });

  it('starts a new row only past half a face below the row', () => {
    expect(names([face('right', 200, 0), face('left-lower', 0, 19)])).toBe('left-lower right');
    expect(names([face('right', 200, 0), face('left-lower', 0, 21)])).toBe('right left-lower');
  });

  it('keeps what it is given', () => {
    expect(inReadingOrder([])).toEqual([]);
    const boxes = [face('a', 5, 5)];
    expect(inReadingOrder(boxes)[0]).toBe(boxes[0]);
  });
});

describe('suppressed', () => {
  const box = (x: number, score: number) => ({ x, y: 0, width: 10, height: 10, score });

  it('keeps the best of overlapping boxes and every box overlapping none, best first', () => {
    // IoU of boxes 2 px apart: 80 / 120 = 0.67; 6 px apart: 40 / 160 = 0.25.
    const kept = suppressed([box(0, 0.5), box(2, 0.9), box(8, 0.6), box(40, 0.4)], 0.3, 10);
    expect(kept.map((b) => b.x)).toEqual([2, 8, 40]);
  });

  it('lets only kept boxes suppress, and stops at the most it may keep', () => {
    // 3 is suppressed by 6; 0 overlaps 3 past the bar but 6 not, so it stays.
    const chain = [box(6, 0.9), box(3, 0.8), box(0, 0.7)];
    expect(suppressed(chain, 0.3, 10).map((b) => b.x)).toEqual([6, 0]);
    expect(suppressed([box(0, 0.1), box(50, 0.2), box(100, 0.3)], 0.3, 2).map((b) => b.score)).toEqual([0.3, 0.2]);
  });
});
