import { readGif, shownFrames } from '../../photo/gif-frames';
import { FILL_GREY } from '../../photo/mask';

/**
 * GIF files for the tests (no encoder here writes GIF): frames of one colour each, on a 256-colour
 * palette, optionally with a comment and an XMP packet. The LZW data holds one literal code per
 * pixel, with a clear code often enough that codes stay 9 bits wide: valid, just not compressed.
 */
/** A frame drawn over part of the canvas, with a transparent index, disposed of in some way. */
export interface GifFrameOptions {
  pixels: number | Uint8Array;
  x: number;
  y: number;
  width: number;
  height: number;
  transparent?: number;
  /** 2: cleared after it is shown; 3: the canvas goes back to what it was before it. */
  disposal?: number;
  /** Rows stored in GIF's four-pass order. */
  interlaced?: boolean;
}

/** Row order of an interlaced frame: every 8th row from 0, every 8th from 4, every 4th from 2, every 2nd from 1. */
const interlacedRows = (height: number) =>
  [[0, 8], [4, 8], [2, 4], [1, 2]].flatMap(([start, step]) => Array.from({ length: Math.ceil((height - start!) / step!) }, (_, i) => start! + i * step!)).filter((row) => row < height);

export interface GifOptions {
  width: number;
  height: number;
  /** Each frame: its pixels (one palette index for all, or one per pixel) or more; two or more make an animation. */
  frames: Array<number | Uint8Array | GifFrameOptions>;
  /** 256 RGB triplets; a grey ramp (index i is (i, i, i)) when left out. */
  palette?: number[];
  comment?: string;
  xmp?: string;
}

const LITERALS_PER_CLEAR = 250;
const GREY_RAMP = Array.from({ length: 256 }, (_, i) => [i, i, i]).flat();

function lzw(indices: number[]): Uint8Array {
  const clear = 256;
  const codes = [clear];
  indices.forEach((index, i) => {
    if (i && i % LITERALS_PER_CLEAR === 0) codes.push(clear);
    codes.push(index);
  });
  codes.push(clear + 1); // end of information
  const packed: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const code of codes) {
    buffer |= code << bits;
    bits += 9;
    while (bits >= 8) {
      packed.push(buffer & 255);
      buffer >>= 8;
      bits -= 8;
    }
  }
  if (bits) packed.push(buffer & 255);
  return Uint8Array.from(packed);
}

/** Data cut into sub-blocks of at most 255 bytes, then the 0 that ends them. */
function subBlocks(data: Uint8Array): number[] {
  const out: number[] = [];
  for (let at = 0; at < data.length; at += 255) {
    const part = data.subarray(at, at + 255);
    out.push(part.length);
    for (const byte of part) out.push(byte);
  }
  return [...out, 0];
}

const u16 = (value: number) => [value & 255, value >> 8];
const text = (value: string) => [...new TextEncoder().encode(value)];

/** XMP's application extension: the packet, then a 258-byte "magic trailer" so readers can skip it. */
const xmpExtension = (xmp: string) => [0x21, 0xff, 11, ...text('XMP DataXMP'), ...text(xmp), 1, ...Array.from({ length: 256 }, (_, i) => 255 - i), 0];

export function gifWith({ width, height, frames, comment, xmp, palette = GREY_RAMP }: GifOptions): Uint8Array<ArrayBuffer> {
  const bytes = [...text('GIF89a'), ...u16(width), ...u16(height), 0xf7, 0, 0, ...palette];
  if (frames.length > 1) bytes.push(0x21, 0xff, 11, ...text('NETSCAPE2.0'), 3, 1, 0, 0, 0); // loop forever
  if (comment) bytes.push(0x21, 0xfe, ...subBlocks(Uint8Array.from(text(comment))));
  if (xmp) bytes.push(...xmpExtension(xmp));
  for (const spec of frames) {
    const frame = typeof spec === 'object' && !(spec instanceof Uint8Array) ? spec : { pixels: spec, x: 0, y: 0, width, height };
    const packed = ((frame.disposal ?? 0) << 2) | (frame.transparent === undefined ? 0 : 1);
    bytes.push(0x21, 0xf9, 4, packed, 50, 0, frame.transparent ?? 0, 0); // half a second per frame
    bytes.push(0x2c, ...u16(frame.x), ...u16(frame.y), ...u16(frame.width), ...u16(frame.height), frame.interlaced ? 0x40 : 0, 8);
    const { pixels } = frame;
    const flat = typeof pixels === 'number' ? new Array<number>(frame.width * frame.height).fill(pixels) : [...pixels];
    const indices = frame.interlaced ? interlacedRows(frame.height).flatMap((row) => flat.slice(row * frame.width, (row + 1) * frame.width)) : flat;
    // A loop, not a spread: a photo-sized frame has more bytes than a call takes arguments.
    for (const byte of subBlocks(lzw(indices))) bytes.push(byte);
  }
  bytes.push(0x3b);
  return Uint8Array.from(bytes);
}

/** Levels of red, green and blue in the palette `quantised` maps a photo to (6 × 7 × 6 = 252 colours). */
const LEVELS = [6, 7, 6] as const;

/** A photo's RGBA pixels as GIF palette indices: the nearest colour of a fixed cube, no dithering. */
export function quantised(rgba: ArrayLike<number>): { palette: number[]; pixels: Uint8Array } {
  const level = (value: number, count: number) => Math.round((value / 255) * (count - 1));
  const [r, g, b] = LEVELS;
  const palette = Array.from({ length: 256 }, (_, i) => (i < r * g * b ? [Math.floor(i / (g * b)), Math.floor(i / b) % g, i % b] : [0, 0, 0]))
    .flatMap((levels, i) => (i < r * g * b ? levels.map((l, c) => Math.round((l * 255) / (LEVELS[c]! - 1))) : levels));
  const pixels = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = level(rgba[4 * i]!, r) * g * b + level(rgba[4 * i + 1]!, g) * b + level(rgba[4 * i + 2]!, b);
  }
  return { palette, pixels };
}

/** Each frame of the GIF, as shown, whose pixel at the centre of one of the boxes is not the mask grey: "frame 2, box [x,y,w,h]". */
export function boxesNotMasked(bytes: Uint8Array, boxes: number[][]): string[] {
  const gif = readGif(bytes);
  const frames = [...gif.frames.keys()];
  return [...shownFrames(gif, frames)].flatMap((frame, f) =>
    boxes.flatMap(([x, y, w, h]) => {
      const at = 4 * (Math.round(y! + h! / 2) * frame.width + Math.round(x! + w! / 2));
      return [...frame.data.subarray(at, at + 3)].every((c) => Math.abs(c - FILL_GREY) < 30) ? [] : [`frame ${f + 1}, box ${JSON.stringify([x, y, w, h])}`];
    }),
  );
}

/**
 * Runs in a page (handed to Playwright's or Puppeteer's `evaluate`): a JPEG, as base64, decoded and
 * drawn `width` wide; its height and RGBA pixels, as base64 (built by hand: Firefox ESR has no
 * `Uint8Array.prototype.toBase64`).
 */
export async function photoRgbaInPage([jpeg, width]: readonly [string, number]): Promise<{ height: number; base64: string }> {
  const bitmap = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${jpeg}`)).blob());
  const context = new OffscreenCanvas(width, Math.round((bitmap.height * width) / bitmap.width)).getContext('2d')!;
  context.drawImage(bitmap, 0, 0, context.canvas.width, context.canvas.height);
  const rgba = new Uint8Array(context.getImageData(0, 0, context.canvas.width, context.canvas.height).data.buffer);
  let text = '';
  for (let i = 0; i < rgba.length; i += 0x8000) text += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
  return { height: context.canvas.height, base64: btoa(text) };
}
