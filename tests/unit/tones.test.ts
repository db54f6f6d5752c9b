import { describe, expect, it } from 'vitest';
import { toneMap } from '../../models/tones';

/** RGBA pixels, one per colour given, cycling through `colours` for `count` pixels. */
function pixels(count: number, colours: Array<[number, number, number]>): Uint8ClampedArray {
  const data = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) data.set([...colours[i % colours.length]!, 255], i * 4);
  return data;
}

/** Greys spread evenly from `low` to `high`. */
const greys = (low: number, high: number) => Array.from({ length: high - low + 1 }, (_, i): [number, number, number] => [low + i, low + i, low + i]);

describe('toneMap', () => {
  it('stretches a dim photo whose greys span less than the least range over the whole range', () => {
    const map = toneMap(pixels(10_000, greys(20, 100)), 128);
    expect(map).not.toBeNull();
    expect(map![20]).toBe(0);
    expect(map![100]).toBe(255);
    expect(map![60]).toBeCloseTo(128, -1);
  });

  it('leaves a photo alone whose greys span the least range or more', () => {
    expect(toneMap(pixels(10_000, greys(40, 200)), 128)).toBeNull();
  });

  it('leaves a flat image alone: a blank page has nothing to stretch', () => {
    expect(toneMap(pixels(10_000, greys(120, 124)), 128)).toBeNull();
  });

  it('leaves saturated colours alone, whose grey is narrow but whose channels fill the range', () => {
    // Pure red, green, blue and their mixes: greys of 29–226 in theory, here 76–179 with the pure
    // blue and yellow left out; every channel runs from 0 to 255.
    const colourful: Array<[number, number, number]> = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 0, 255], [0, 255, 255], [255, 255, 0]];
    const mid = colourful.filter(([r, g, b]) => { const grey = 0.299 * r + 0.587 * g + 0.114 * b; return grey > 60 && grey < 190; });
    const data = pixels(10_000, mid);
    expect(toneMap(data, 128)).toBeNull();
    // The same greys, as greys, are stretched: the colours, not the grey span, decide.
    const asGrey = mid.map(([r, g, b]): [number, number, number] => { const v = Math.round(0.299 * r + 0.587 * g + 0.114 * b); return [v, v, v]; });
    expect(toneMap(pixels(10_000, asGrey), 128)).not.toBeNull();
  });

  it('never stretches when asked not to', () => {
    expect(toneMap(pixels(100, greys(20, 100)), 0)).toBeNull();
  });
});
