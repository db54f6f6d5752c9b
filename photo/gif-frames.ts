import { joinSubBlocks, readGifBlocks } from './gif';
import { lzwDecode } from './gif-lzw';
import type { Segment } from './segments';

/** One image block of a GIF and the graphic control extension that precedes it. */
export interface GifFrame {
  segment: Segment;
  x: number;
  y: number;
  width: number;
  height: number;
  interlaced: boolean;
  /** The local palette, else the global one (RGB triplets); empty when the file has neither. */
  palette: Uint8Array;
  /** Where its local palette lies in the file (0 long when it has none). */
  localPalette: { start: number; end: number };
  transparent: number | null;
  /** 2: its area is cleared after it is shown; 3: the canvas goes back to what it was before it. */
  disposal: number;
  minCodeSize: number;
  /** Its LZW data, sub-blocks joined. */
  data: Uint8Array;
}

export interface GifImage {
  width: number;
  height: number;
  segments: Segment[];
  frames: GifFrame[];
}

/** Pixels of a whole frame as shown: RGBA, row after row. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

const u16 = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const paletteLength = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);

/** A GIF's frames, undecoded. Throws on a truncated or malformed file. */
export function readGif(bytes: Uint8Array): GifImage {
  const { segments } = readGifBlocks(bytes);
  const global = bytes.subarray(13, 13 + paletteLength(bytes[10]!));
  const frames: GifFrame[] = [];
  let control = { transparent: null as number | null, disposal: 0 };
  for (const segment of segments.slice(1)) {
    const at = segment.start;
    if (bytes[at] === 0x21 && bytes[at + 1] === 0xf9 && bytes[at + 2]! >= 4) {
      const packed = bytes[at + 3]!;
      control = { transparent: packed & 1 ? bytes[at + 6]! : null, disposal: (packed >> 2) & 7 };
    } else if (bytes[at] === 0x2c) {
      const packed = bytes[at + 9]!;
      const local = { start: at + 10, end: at + 10 + paletteLength(packed) };
      frames.push({
        segment,
        x: u16(bytes, at + 1),
        y: u16(bytes, at + 3),
        width: u16(bytes, at + 5),
        height: u16(bytes, at + 7),
        interlaced: (packed & 0x40) !== 0,
        palette: local.end > local.start ? bytes.subarray(local.start, local.end) : global,
        localPalette: local,
        ...control,
        minCodeSize: bytes[local.end]!,
        data: joinSubBlocks(bytes, local.end + 1, segment.end),
      });
      control = { transparent: null, disposal: 0 };
    }
  }
  return { width: u16(bytes, 6), height: u16(bytes, 8), segments, frames };
}

/** The frame's palette indices, row after row (an interlaced frame's rows put back in order). */
export function frameIndices(frame: GifFrame): Uint8Array {
  const decoded = lzwDecode(frame.data, frame.minCodeSize, frame.width * frame.height);
  if (!frame.interlaced) return decoded;
  const rows = new Uint8Array(decoded.length);
  let row = 0;
  for (const [startRow, step] of [[0, 8], [4, 8], [2, 4], [1, 2]] as const) {
    for (let y = startRow; y < frame.height; y += step, row++) {
      rows.set(decoded.subarray(row * frame.width, (row + 1) * frame.width), y * frame.width);
    }
  }
  return rows;
}

/**
 * The frames at `wanted` (indices into `gif.frames`) as a viewer shows them, one at a time: each
 * GIF frame is drawn over what the ones before left, so every frame up to the last wanted one is decoded.
 */
export function* shownFrames(gif: GifImage, wanted: number[]): Generator<Rgba> {
  const { width, height } = gif;
  const canvas = new Uint8ClampedArray(width * height * 4);
  const last = Math.max(-1, ...wanted);
  for (let f = 0; f <= last; f++) {
    const frame = gif.frames[f]!;
    const before = frame.disposal === 3 ? canvas.slice() : null;
    const indices = frameIndices(frame);
    const { palette, transparent } = frame;
    // The part of the frame that lies on the canvas.
    const rows = Math.max(0, Math.min(frame.height, height - frame.y));
    const columns = Math.max(0, Math.min(frame.width, width - frame.x));
    for (let row = 0; row < rows; row++) {
      for (let column = 0, i = row * frame.width, at = 4 * ((frame.y + row) * width + frame.x); column < columns; column++, i++, at += 4) {
        const index = indices[i]!;
        if (index === transparent) continue;
        // An index past the palette shows black, as browsers draw it.
        canvas[at] = palette[3 * index] ?? 0;
        canvas[at + 1] = palette[3 * index + 1] ?? 0;
        canvas[at + 2] = palette[3 * index + 2] ?? 0;
        canvas[at + 3] = 255;
      }
    }
    if (wanted.includes(f)) yield { width, height, data: canvas.slice() };
    if (before) canvas.set(before);
    else if (frame.disposal === 2) {
      for (let row = 0; row < rows; row++) canvas.fill(0, 4 * ((frame.y + row) * width + frame.x), 4 * ((frame.y + row) * width + frame.x + columns));
    }
  }
}
