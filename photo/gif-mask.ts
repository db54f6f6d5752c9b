import type { Rect } from '../models/boxes';
import { frameIndices, type GifFrame, readGif } from './gif-frames';
import { lzwEncode } from './gif-lzw';
import { FILL_GREY, paddedBox } from './mask';

/**
 * The GIF with every face box filled in every frame, its animation (timing, loop, transparency)
 * kept and its comments and XMP left out. Each frame covers its own part of the boxes with an
 * opaque colour of its palette; what a frame leaves transparent or does not cover shows earlier
 * frames, masked the same way, so no frame as shown reveals a box. Throws on a damaged file.
 */
export function maskGif(bytes: Uint8Array, faces: Rect[]): Uint8Array<ArrayBuffer> {
  const gif = readGif(bytes);
  const boxes = faces.map((face) => paddedBox(face, gif.width, gif.height));
  const frames = new Map(gif.frames.map((frame) => [frame.segment.start, frame]));
  const parts = gif.segments
    .filter((segment) => segment.kind === 'other')
    .map((segment) => {
      const frame = frames.get(segment.start);
      return frame ? maskedFrame(bytes, frame, boxes) : bytes.subarray(segment.start, segment.end);
    });
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0);
  return out;
}

/** The frame's image block, re-encoded without interlacing, its pixels in the boxes filled. */
function maskedFrame(bytes: Uint8Array, frame: GifFrame, boxes: Rect[]): Uint8Array {
  const indices = frameIndices(frame);
  const fill = fillIndex(frame);
  for (const box of boxes) {
    const left = Math.max(0, Math.floor(box.x) - frame.x);
    const right = Math.min(frame.width, Math.ceil(box.x + box.width) + 1 - frame.x);
    const top = Math.max(0, Math.floor(box.y) - frame.y);
    const bottom = Math.min(frame.height, Math.ceil(box.y + box.height) + 1 - frame.y);
    for (let row = top; row < bottom; row++) if (right > left) indices.fill(fill, row * frame.width + left, row * frame.width + right);
  }
  const head = bytes.slice(frame.segment.start, frame.localPalette.end + 1);
  head[9] = head[9]! & ~0x40;
  const data = lzwEncode(indices, frame.minCodeSize);
  const blocks = new Uint8Array(data.length + Math.ceil(data.length / 255) + 1);
  let at = 0;
  for (let i = 0; i < data.length; i += 255) {
    const part = data.subarray(i, i + 255);
    blocks[at++] = part.length;
    blocks.set(part, at);
    at += part.length;
  }
  const block = new Uint8Array(head.length + blocks.length);
  block.set(head);
  block.set(blocks, head.length);
  return block;
}

/** The opaque palette colour nearest the mask grey that the frame's codes can express. */
function fillIndex(frame: GifFrame): number {
  const usable = Math.min(frame.palette.length / 3, 1 << frame.minCodeSize);
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < usable; i++) {
    if (i === frame.transparent) continue;
    const distance = [0, 1, 2].reduce((sum, c) => sum + (frame.palette[3 * i + c]! - FILL_GREY) ** 2, 0);
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  }
  return best;
}
