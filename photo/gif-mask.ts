import type { Rect } from '../models/boxes';
import { concat } from './bytes';
import { frameIndices, type GifFrame, readGif } from './gif-frames';
import { lzwEncode } from './gif-lzw';
import { FILL_GREY, type MaskStyles, paddedBox, PIXEL_BLOCKS, scrambleBlocks, styleOf } from './mask';

/**
 * The GIF with every face box masked in every frame, its animation (timing, loop, transparency)
 * kept and its comments and XMP left out. Each frame covers its own part of the boxes with opaque
 * colours of its palette (the grey fill, or coarse shuffled noised blocks); what a frame leaves
 * transparent or does not cover shows earlier frames, masked the same way, so no frame as shown
 * reveals a box. Throws on a damaged file.
 */
export function maskGif(bytes: Uint8Array, faces: Rect[], styles: MaskStyles = 'fill'): Uint8Array<ArrayBuffer> {
  const gif = readGif(bytes);
  const boxes = faces.map((face, i) => paddedBox(face, gif.width, gif.height, styleOf(styles, i)));
  const frames = new Map(gif.frames.map((frame) => [frame.segment.start, frame]));
  return concat(
    gif.segments
      .filter((segment) => segment.kind === 'other')
      .map((segment) => {
        const frame = frames.get(segment.start);
        return frame ? maskedFrame(bytes, frame, boxes, styles) : bytes.subarray(segment.start, segment.end);
      }),
  );
}

/** A box's part in the frame, in the frame's pixels (end exclusive; empty when start ≥ end). */
function within(frame: GifFrame, box: Rect) {
  return {
    left: Math.max(0, Math.floor(box.x) - frame.x),
    right: Math.min(frame.width, Math.ceil(box.x + box.width) + 1 - frame.x),
    top: Math.max(0, Math.floor(box.y) - frame.y),
    bottom: Math.min(frame.height, Math.ceil(box.y + box.height) + 1 - frame.y),
  };
}

/** Sets the frame's pixels in a box's part (from `within`) to one palette colour. */
function fill(frame: GifFrame, indices: Uint8Array, { left, right, top, bottom }: ReturnType<typeof within>, colour: number): void {
  for (let row = top; row < bottom && right > left; row++) indices.fill(colour, row * frame.width + left, row * frame.width + right);
}

/** The frame's image block, re-encoded without interlacing, its pixels in the boxes masked. */
function maskedFrame(bytes: Uint8Array, frame: GifFrame, boxes: Rect[], styles: MaskStyles): Uint8Array {
  const indices = frameIndices(frame);
  const grey = nearestColour(frame, [FILL_GREY, FILL_GREY, FILL_GREY]);
  for (const [i, box] of boxes.entries()) {
    if (styleOf(styles, i) === 'pixelate') pixelate(frame, indices, box);
    else fill(frame, indices, within(frame, box), grey);
  }
  const head = bytes.slice(frame.segment.start, frame.localPalette.end + 1);
  head[9] = head[9]! & ~0x40;
  const data = lzwEncode(indices, frame.minCodeSize);
  // Sub-blocks of at most 255 bytes, each after its length, then the 0 that ends them.
  const blocks: Uint8Array[] = [head];
  for (let i = 0; i < data.length; i += 255) {
    const part = data.subarray(i, i + 255);
    blocks.push(Uint8Array.of(part.length), part);
  }
  return concat([...blocks, Uint8Array.of(0)]);
}

/** The box as PIXEL_BLOCKS × PIXEL_BLOCKS blocks of the frame's average colours there, scrambled as photos' are. */
function pixelate(frame: GifFrame, indices: Uint8Array, box: Rect): void {
  // The same pixels the fill covers.
  const area = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width) + 1, height: Math.ceil(box.height) + 1 };
  const edge = (start: number, length: number, i: number) => Math.round(start + (length * i) / PIXEL_BLOCKS);
  const block = (i: number) => {
    const [column, row] = [i % PIXEL_BLOCKS, Math.floor(i / PIXEL_BLOCKS)];
    const [x, y] = [edge(area.x, area.width, column), edge(area.y, area.height, row)];
    return within(frame, { x, y, width: edge(area.x, area.width, column + 1) - x - 1, height: edge(area.y, area.height, row + 1) - y - 1 });
  };
  const colours = new Uint8ClampedArray(4 * PIXEL_BLOCKS * PIXEL_BLOCKS);
  for (let i = 0; i < PIXEL_BLOCKS * PIXEL_BLOCKS; i++) {
    const { left, right, top, bottom } = block(i);
    const sum = [0, 0, 0];
    let count = 0;
    for (let row = top; row < bottom; row++) {
      for (let column = left; column < right; column++) {
        const index = indices[row * frame.width + column]!;
        if (index === frame.transparent) continue;
        for (const c of [0, 1, 2]) sum[c]! += frame.palette[3 * index + c] ?? 0;
        count++;
      }
    }
    colours.set(count ? [...sum.map((s) => s / count), 255] : [FILL_GREY, FILL_GREY, FILL_GREY, 255], 4 * i);
  }
  scrambleBlocks(colours);
  for (let i = 0; i < PIXEL_BLOCKS * PIXEL_BLOCKS; i++) {
    fill(frame, indices, block(i), nearestColour(frame, [...colours.subarray(4 * i, 4 * i + 3)]));
  }
}

/** The opaque palette colour nearest `rgb` that the frame's codes can express. */
function nearestColour(frame: GifFrame, rgb: number[]): number {
  const usable = Math.min(frame.palette.length / 3, 1 << frame.minCodeSize);
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < usable; i++) {
    if (i === frame.transparent) continue;
    const distance = [0, 1, 2].reduce((sum, c) => sum + (frame.palette[3 * i + c]! - rgb[c]!) ** 2, 0);
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  }
  return best;
}
