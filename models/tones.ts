import { greyCopy } from './texture';

/** Side of the small grey copy the tones are measured on, as a share of the image's. */
const SAMPLE_SCALE = 1 / 8;
/** Share of the darkest and of the brightest pixels left out of the range: a lamp, a black border. */
const TAIL = 0.005;
/** Fewer grey levels than this hold nothing to stretch: a blank page, a lens cap. */
const FLAT = 8;

/** The grey levels (0–255) between which the image's tones lie, but for the darkest and brightest few. */
function toneRange(canvas: OffscreenCanvas): { low: number; high: number } {
  const { grey } = greyCopy(canvas, SAMPLE_SCALE);
  const counts = new Uint32Array(256);
  for (const level of grey) counts[Math.round(level)]!++;
  const tail = grey.length * TAIL;
  const level = (from: number, step: number) => {
    let seen = 0;
    for (let v = from; ; v += step) if ((seen += counts[v]!) > tail || v === 255 - from) return v;
  };
  return { low: level(0, 1), high: level(255, -1) };
}

/**
 * The image's tones stretched over the whole grey range when they span less than `minRange` of
 * it, as a photo taken in dim light or through haze does: the models, trained on well-lit faces,
 * miss many of its faces (see the README). The same linear map on each channel keeps its hues.
 */
export function stretchTones(canvas: OffscreenCanvas, minRange: number): void {
  if (!minRange) return;
  const { low, high } = toneRange(canvas);
  if (high - low >= minRange || high - low < FLAT) return;
  const map = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) map[v] = ((v - low) * 255) / (high - low);
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
