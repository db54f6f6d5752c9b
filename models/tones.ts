import { greyAt, smallCopy } from './texture';

/** Side of the small copy the tones are measured on, as a share of the image's. */
const SAMPLE_SCALE = 1 / 8;
/** Share of the darkest and of the brightest values left out of a range: a lamp, a black border. */
const TAIL = 0.005;
/** Fewer grey levels than this hold nothing to stretch: a blank page, a lens cap. */
const FLAT = 8;
/**
 * Red, green and blue values spanning this much of the range (three quarters) are not dim or hazy
 * light, however narrow the grey: saturated colours (a fractal, a bouquet) are mid-grey, and
 * stretched by their grey they would be clipped past its ends.
 */
const COLOURFUL = 192;

/** The levels between which the counted values lie, but for the lowest and highest few. */
function spanOf(counts: Uint32Array, total: number): { low: number; high: number } {
  const tail = total * TAIL;
  const level = (from: number, step: number) => {
    let seen = 0;
    for (let v = from; ; v += step) if ((seen += counts[v]!) > tail || v === 255 - from) return v;
  };
  return { low: level(0, 1), high: level(255, -1) };
}

/**
 * The map (0–255 → 0–255) stretching an image's grey levels over the whole range, when they span
 * less than `minRange` of it and its colours do not fill the range either; null when it needs none.
 * `pixels`: RGBA values of the image, or of a small copy of it.
 */
export function toneMap(pixels: ArrayLike<number>, minRange: number): Uint8ClampedArray | null {
  if (!minRange) return null;
  const grey = new Uint32Array(256);
  const channels = new Uint32Array(256);
  for (let at = 0; at < pixels.length; at += 4) {
    grey[Math.round(greyAt(pixels, at))]!++;
    channels[pixels[at]!]!++;
    channels[pixels[at + 1]!]!++;
    channels[pixels[at + 2]!]!++;
  }
  const { low, high } = spanOf(grey, pixels.length / 4);
  if (high - low >= minRange || high - low < FLAT) return null;
  const colours = spanOf(channels, (3 * pixels.length) / 4);
  if (colours.high - colours.low >= COLOURFUL) return null;
  const map = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) map[v] = ((v - low) * 255) / (high - low);
  return map;
}

/**
 * The image's tones stretched over the whole grey range when they span less than `minRange` of
 * it, as a photo taken in dim light or through haze does (see `toneMap`): the models, trained on
 * well-lit faces, miss many of its faces (see docs/face-finding.md). The same linear map on each channel
 * keeps its hues.
 */
export function stretchTones(canvas: OffscreenCanvas, minRange: number): void {
  const map = minRange ? toneMap(smallCopy(canvas, SAMPLE_SCALE).data, minRange) : null;
  if (!map) return;
  const context = canvas.getContext('2d')!;
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  const pixels = image.data;
  for (let at = 0; at < pixels.length; at += 4) {
    pixels[at] = map[pixels[at]!]!;
    pixels[at + 1] = map[pixels[at + 1]!]!;
    pixels[at + 2] = map[pixels[at + 2]!]!;
  }
  context.putImageData(image, 0, 0);
}
