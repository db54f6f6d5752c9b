import { describe, expect, it } from 'vitest';
import { quarterTurned } from '../bench/turned';

describe("the bench's turned photos", () => {
  it('moves a box where a quarter turn clockwise takes it, and four turns bring it back', () => {
    // A 40 × 30 image: a box in its top-left corner ends up in the top-right corner of the 30 × 40 result.
    const box = { x: 2, y: 3, width: 10, height: 5 };
    expect(quarterTurned(box, 30)).toEqual({ x: 22, y: 2, width: 5, height: 10 });
    let turned = box;
    for (const height of [30, 40, 30, 40]) turned = quarterTurned(turned, height);
    expect(turned).toEqual(box);
  });
});
