import { describe, expect, it } from 'vitest';
import { stillFound } from '../../content-scripts/protect';

const face = (x: number, y: number, side: number) => ({ x, y, width: side, height: side });

describe('which pixelated faces are filled instead', () => {
  const masks = [face(100, 100, 40), face(300, 100, 40)];

  it('a face found again in a mask, even off-centre or larger, marks that mask alone', () => {
    // Centred 5 px inside the padded box's edge (the box reaches 16 px beyond the face).
    expect(stillFound(masks, [face(84 - 25 + 5, 120 - 25, 50)], 640, 480)).toEqual([true, false]);
    expect(stillFound(masks, [face(280, 80, 80)], 640, 480)).toEqual([false, true]);
  });

  it('a face found beside the masks marks none', () => {
    expect(stillFound(masks, [face(180, 100, 40), face(100, 200, 40)], 640, 480)).toEqual([false, false]);
    expect(stillFound(masks, [], 640, 480)).toEqual([false, false]);
  });

  it('every mask, when the masked photo could not be looked at', () => {
    expect(stillFound(masks, null, 640, 480)).toEqual([true, true]);
  });
});
