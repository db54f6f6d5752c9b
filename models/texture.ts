import type { Rect } from './boxes';

/** Side of the small grey copy the texture is measured on, as a share of the image's. */
const SAMPLE_SCALE = 1 / 4;
/** Cells of the grey copy (in its pixels) whose texture is measured: about a small face's size. */
const CELL = 6;

/** The grey level (0–255, Rec. 601 luma) of the RGBA pixel at byte `at`. */
export const greyAt = (data: ArrayLike<number>, at: number) => 0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!;

/** The image's pixels (RGBA) on a copy `share` of its size (at least 2 × 2 pixels). */
export function smallCopy(image: ImageBitmap | OffscreenCanvas, share: number): ImageData {
  const width = Math.max(2, Math.round(image.width * share));
  const height = Math.max(2, Math.round(image.height * share));
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
  context.drawImage(image, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/** The image's grey levels (0–255) on a copy `share` of its size (see `smallCopy`). */
function greyCopy(image: ImageBitmap | OffscreenCanvas, share: number): { grey: Float32Array; width: number; height: number } {
  const { data, width, height } = smallCopy(image, share);
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = greyAt(data, 4 * i);
  return { grey, width, height };
}

/**
 * How much a region of an image varies where it varies most: the largest, over the small cells it
 * overlaps, of their mean absolute difference between neighbouring pixels (0–255, on a small grey
 * copy). A maximum, not a mean: a child's small face against a wide sky is one busy cell among
 * flat ones.
 */
export function textureOf(image: ImageBitmap | OffscreenCanvas): (region: Rect) => number {
  const { grey, width, height } = greyCopy(image, SAMPLE_SCALE);
  const cells = cellTexture(grey, width, height);
  return (region) => cells.maxOver(region.x * (width / image.width), region.y * (height / image.height), region.width * (width / image.width), region.height * (height / image.height));
}

/** Mean neighbour difference per CELL × CELL cell of a grey image, and the largest over a region. */
export function cellTexture(grey: ArrayLike<number>, width: number, height: number) {
  const across = Math.ceil(width / CELL);
  const down = Math.ceil(height / CELL);
  const sum = new Float64Array(across * down);
  const count = new Uint32Array(across * down);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * width + x;
      const right = x + 1 < width ? Math.abs(grey[at]! - grey[at + 1]!) : 0;
      const below = y + 1 < height ? Math.abs(grey[at]! - grey[at + width]!) : 0;
      const cell = Math.floor(y / CELL) * across + Math.floor(x / CELL);
      sum[cell]! += right + below;
      count[cell]!++;
    }
  }
  const mean = Array.from(sum, (s, i) => s / count[i]!);
  return {
    /** The busiest cell overlapping the region (in the grey image's pixels). */
    maxOver(x: number, y: number, w: number, h: number): number {
      const x0 = Math.max(0, Math.floor(x / CELL));
      const y0 = Math.max(0, Math.floor(y / CELL));
      const x1 = Math.min(across, Math.ceil((x + w) / CELL));
      const y1 = Math.min(down, Math.ceil((y + h) / CELL));
      let max = 0;
      for (let cy = y0; cy < y1; cy++) for (let cx = x0; cx < x1; cx++) max = Math.max(max, mean[cy * across + cx]!);
      return max;
    },
  };
}
