import { describe, expect, it } from 'vitest';
import { type GifImage, readGif, type Rgba, shownFrames } from '../../photo/gif-frames';
import { lzwDecode, lzwEncode } from '../../photo/gif-lzw';
import { maskGif } from '../../photo/gif-mask';
import { framesToCheck } from '../../models/frame-analyser';
import { readMetadata } from '../../photo/metadata';
import { gifWith } from '../support/gif';
import { JANE_XMP } from '../support/heif';

/** Deterministic noise, and runs of it, so that the LZW table both fills up and compresses. */
function pattern(length: number, colours: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = i % 97 < 40 ? (state >>> 16) % colours : out[i - 1] ?? 0;
  }
  return out;
}

const shown = (gif: GifImage, wanted: number[]) => [...shownFrames(gif, wanted)];
const grey = (frame: Rgba, x: number, y: number) => frame.data[4 * (y * frame.width + x)];
const alpha = (frame: Rgba, x: number, y: number) => frame.data[4 * (y * frame.width + x) + 3];

describe('GIF LZW', () => {
  it('decodes what it encodes, at every code size, past a full table (4096 codes) and back', () => {
    for (const minCodeSize of [2, 3, 5, 8]) {
      const indices = pattern(120_000, 2 ** minCodeSize, minCodeSize);
      const encoded = lzwEncode(indices, minCodeSize);
      expect(encoded.length).toBeLessThan(indices.length);
      // Compared as buffers: a deep comparison of 120 000 numbers takes seconds.
      expect(Buffer.compare(lzwDecode(encoded, minCodeSize, indices.length), indices)).toBe(0);
    }
    expect(lzwDecode(lzwEncode(Uint8Array.of(3), 2), 2, 1)).toEqual(Uint8Array.of(3));
  });

  it('reads another encoder\'s codes (literals and clear codes, no compression)', () => {
    const pixels = pattern(40 * 30, 256);
    const gif = readGif(gifWith({ width: 40, height: 30, frames: [pixels, 7] }));
    const [first, second] = shown(gif, [0, 1]);
    expect(Array.from({ length: 40 * 30 }, (_, i) => grey(first!, i % 40, Math.floor(i / 40)))).toEqual([...pixels]);
    expect(grey(second!, 39, 29)).toBe(7);
  });

  it('refuses data that ends before the frame does, instead of inventing pixels', () => {
    const encoded = lzwEncode(pattern(5000, 256), 8);
    expect(() => lzwDecode(encoded.subarray(0, 1000), 8, 5000)).toThrow(/truncated/);
  });
});

describe('GIF frames as shown', () => {
  // A 20×20 canvas of grey 100; frame 2 draws a 4×4 square of 200 at (8, 8) with a transparent
  // corner, then is cleared (disposal 2); frame 3 draws nothing visible (all transparent).
  const square = Uint8Array.from({ length: 16 }, (_, i) => (i === 0 ? 255 : 200));
  const animation = gifWith({
    width: 20,
    height: 20,
    frames: [100, { pixels: square, x: 8, y: 8, width: 4, height: 4, transparent: 255, disposal: 2 }, { pixels: 255, x: 0, y: 0, width: 20, height: 20, transparent: 255 }],
  });

  it('draws each frame over what the earlier ones left: offsets, transparency, disposal', () => {
    const [first, second, third] = shown(readGif(animation), [0, 1, 2]);
    expect([grey(first!, 9, 9), grey(second!, 9, 9), grey(second!, 8, 8), grey(second!, 2, 2)]).toEqual([100, 200, 100, 100]);
    // Disposal 2 cleared the square's area to transparent before frame 3, which shows through.
    expect([alpha(third!, 9, 9), alpha(third!, 2, 2)]).toEqual([0, 255]);
  });

  it('masking fills the box in every frame as shown and keeps the frames, timing and the rest of the pixels', () => {
    const masked = maskGif(gifWith({ ...{ width: 20, height: 20 }, frames: [100, { pixels: square, x: 8, y: 8, width: 4, height: 4 }], comment: 'Lily', xmp: JANE_XMP }), [
      { x: 8, y: 8, width: 4, height: 4 },
    ]);
    const gif = readGif(masked);
    expect(gif.frames).toHaveLength(2);
    const frames = shown(gif, [0, 1]);
    // The box padded by 25 % on each side: (7, 7) to (13, 13); the grey ramp's nearest to the mask grey.
    for (const frame of frames) {
      for (const [x, y] of [[7, 7], [9, 9], [12, 12]] as const) expect(grey(frame, x, y)).toBe(0x6b);
      expect(grey(frame, 2, 2)).toBe(100);
      expect(grey(frame, 16, 16)).toBe(100);
    }
  });

  it('pixelated, each frame shows the box as 6 × 6 blocks of one colour each, none of them the face as it was', () => {
    const face = pattern(48 * 48, 256, 3);
    const gif = gifWith({ width: 48, height: 48, frames: [face, 20] });
    // Padded by 40 % on each side, the box (12, 12, 24, 24) reaches (2.4, 2.4) to (45.6, 45.6): 45 pixels from 2, blocks of 7 or 8.
    const masked = readGif(maskGif(gif, [{ x: 12, y: 12, width: 24, height: 24 }], 'pixelate'));
    const blockColours = new Set<number>();
    for (const frame of shown(masked, [0, 1])) {
      const edges = [0, 1, 2, 3, 4, 5, 6].map((i) => 2 + Math.round((45 * i) / 6));
      for (let block = 0; block < 36; block++) {
        const [x0, x1, y0, y1] = [edges[block % 6]!, edges[(block % 6) + 1]!, edges[Math.floor(block / 6)]!, edges[Math.floor(block / 6) + 1]!];
        const values = new Set<number>();
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) values.add(grey(frame, x, y)!);
        expect(values.size).toBe(1);
        blockColours.add([...values][0]!);
      }
    }
    expect(blockColours.size).toBeGreaterThan(6); // noised blocks, not one fill
    const [first] = shown(masked, [0]);
    const same = Array.from({ length: 45 * 45 }, (_, i) => [2 + (i % 45), 2 + Math.floor(i / 45)]).filter(([x, y]) => grey(first!, x!, y!) === face[y! * 48 + x!]).length;
    expect(same).toBeLessThan(45 * 45 * 0.05);
  });

  it('reads an interlaced frame\'s rows in their place, and masks it as plain rows', async () => {
    const pixels = pattern(13 * 11, 256, 7);
    const interlaced = gifWith({ width: 13, height: 11, frames: [{ pixels, x: 0, y: 0, width: 13, height: 11, interlaced: true }, 5], comment: 'Lily', xmp: JANE_XMP });
    const [first] = shown(readGif(interlaced), [0]);
    expect(Array.from({ length: 13 * 11 }, (_, i) => grey(first!, i % 13, Math.floor(i / 13)))).toEqual([...pixels]);

    const masked = maskGif(interlaced, [{ x: 4, y: 4, width: 4, height: 4 }]);
    const gif = readGif(masked);
    expect(gif.frames.map((frame) => frame.interlaced)).toEqual([false, false]);
    const [after] = shown(gif, [0]);
    expect(grey(after!, 5, 5)).toBe(0x6b);
    expect(grey(after!, 12, 10)).toBe(pixels[10 * 13 + 12]);
    const metadata = await readMetadata(masked);
    expect(metadata.findings).toEqual([]);
    expect(metadata.animated).toBe(true);
  });
});

describe('frames of an animation checked for faces', () => {
  it('all of a short one; of a long one, 12 spread from the first frame to the last', () => {
    expect(framesToCheck(5)).toEqual([0, 1, 2, 3, 4]);
    const spread = framesToCheck(100);
    expect(spread).toHaveLength(12);
    expect([spread[0], spread.at(-1)]).toEqual([0, 99]);
    expect(spread.every((frame, i) => i === 0 || frame - spread[i - 1]! >= 8)).toBe(true);
  });
});
