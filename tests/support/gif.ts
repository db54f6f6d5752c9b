/**
 * GIF files for the tests (no encoder here writes GIF): frames of one colour each, on a 256-colour
 * palette, optionally with a comment and an XMP packet. The LZW data holds one literal code per
 * pixel, with a clear code often enough that codes stay 9 bits wide: valid, just not compressed.
 */
export interface GifOptions {
  width: number;
  height: number;
  /** Palette index of each frame's pixels; two or more make an animation. */
  frames: number[];
  comment?: string;
  xmp?: string;
}

const LITERALS_PER_CLEAR = 250;

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
    out.push(part.length, ...part);
  }
  return [...out, 0];
}

const u16 = (value: number) => [value & 255, value >> 8];
const text = (value: string) => [...new TextEncoder().encode(value)];

/** XMP's application extension: the packet, then a 258-byte "magic trailer" so readers can skip it. */
const xmpExtension = (xmp: string) => [0x21, 0xff, 11, ...text('XMP DataXMP'), ...text(xmp), 1, ...Array.from({ length: 256 }, (_, i) => 255 - i), 0];

export function gifWith({ width, height, frames, comment, xmp }: GifOptions): Uint8Array {
  // A grey ramp: index i is (i, i, i).
  const palette = Array.from({ length: 256 }, (_, i) => [i, i, i]).flat();
  const bytes = [...text('GIF89a'), ...u16(width), ...u16(height), 0xf7, 0, 0, ...palette];
  if (frames.length > 1) bytes.push(0x21, 0xff, 11, ...text('NETSCAPE2.0'), 3, 1, 0, 0, 0); // loop forever
  if (comment) bytes.push(0x21, 0xfe, ...subBlocks(Uint8Array.from(text(comment))));
  if (xmp) bytes.push(...xmpExtension(xmp));
  for (const index of frames) {
    bytes.push(0x21, 0xf9, 4, 0, 50, 0, 0, 0); // half a second per frame
    bytes.push(0x2c, ...u16(0), ...u16(0), ...u16(width), ...u16(height), 0, 8);
    bytes.push(...subBlocks(lzw(new Array<number>(width * height).fill(index))));
  }
  bytes.push(0x3b);
  return Uint8Array.from(bytes);
}
