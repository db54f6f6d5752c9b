import { describe, expect, it } from 'vitest';
import { inReadingOrder, type Rect } from '../../models/boxes';

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
