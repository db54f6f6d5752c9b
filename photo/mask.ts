import type { Rect } from '../models/boxes';
import { fileBytes } from './bytes';
import { jpegRgbProfile, withProfileIfAny } from './colour-profile';

/** Share of a face box added on every side: hair, ears and chin identify a child too. */
const MASK_PADDING = 0.25;
/**
 * A pixelated mask reaches further: with the head's outline left around it (hair above, chin and
 * shoulders below) the detector still found about 2 in 100 pixelated faces of the WIDER dev photos
 * again; reaching 40 % beyond the face, 7 in 1460 (two runs; 55 %: 2 in 730). Filled: none at 25 %.
 */
const PIXEL_PADDING = 0.4;
/** The mask's grey (each channel), also the colour a GIF's palette is searched for. */
export const FILL_GREY = 0x6b;
const FILL = `rgb(${FILL_GREY}, ${FILL_GREY}, ${FILL_GREY})`;
/** Blocks across a pixelated face: too few to recognise anyone. */
export const PIXEL_BLOCKS = 6;
/** Random change to each block's colour, so the blocks cannot be averaged back into a face. */
const NOISE = 48;

const ENCODE_QUALITY = 0.92;

/**
 * A lossy photo format browsers read but cannot write (AVIF, which Instagram takes): masked, it
 * becomes a JPEG, as a HEIC does, unless it has transparency; a PNG of a phone's 12 MP photo
 * would weigh tens of MB, past what sites take.
 */
const WRITTEN_AS_JPEG = new Set(['image/avif']);

/** The type the masked photo is written as (see WRITTEN_AS_JPEG); the browser writes PNG for a type it cannot. */
function writtenType(type: string, context: OffscreenCanvasRenderingContext2D): string {
  if (!WRITTEN_AS_JPEG.has(type)) return type;
  const { data } = context.getImageData(0, 0, context.canvas.width, context.canvas.height);
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return 'image/png';
  return 'image/jpeg';
}

export type MaskStyle = 'fill' | 'pixelate';
/** One style for every face, or each face's own (by index). */
export type MaskStyles = MaskStyle | readonly MaskStyle[];

export const styleOf = (styles: MaskStyles, face: number): MaskStyle => (typeof styles === 'string' ? styles : (styles[face] ?? 'fill'));

/** The part of a `width` × `height` photo a face's mask covers, in that style. */
export function paddedBox(face: Rect, width: number, height: number, style: MaskStyle): Rect {
  const padding = style === 'pixelate' ? PIXEL_PADDING : MASK_PADDING;
  const x = Math.max(0, face.x - face.width * padding);
  const y = Math.max(0, face.y - face.height * padding);
  return {
    x,
    y,
    width: Math.min(width, face.x + face.width * (1 + padding)) - x,
    height: Math.min(height, face.y + face.height * (1 + padding)) - y,
  };
}

/**
 * Redraws the photo at full resolution in its displayed orientation with an opaque fill over each
 * padded face box (or coarse noised blocks). A fill by default, not a blur: blurred and finely
 * pixelated faces are re-identified by neural networks (McPherson et al., 2016), which is why the
 * pixelated style is coarse and noised. The encoded file carries no metadata. Same format where
 * the browser can encode it (JPEG and WebP at quality 0.92, PNG), else JPEG for an opaque AVIF and
 * PNG for the rest.
 */
export async function maskFaces(photo: Blob, faces: Rect[], styles: MaskStyles = 'fill'): Promise<Blob> {
  // A JPEG in a colour profile of its own (a phone's Display P3, a camera's Adobe RGB) is drawn as
  // stored and given its profile again: converted to sRGB, its brightest colours were clipped.
  const profile = photo.type === 'image/jpeg' ? jpegRgbProfile(await fileBytes(photo)) : null;
  const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image', ...(profile && { colorSpaceConversion: 'none' }) });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const type = writtenType(photo.type, context);
    for (const [i, face] of faces.entries()) {
      const style = styleOf(styles, i);
      const box = paddedBox(face, bitmap.width, bitmap.height, style);
      const area = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width) + 1, height: Math.ceil(box.height) + 1 };
      if (style === 'pixelate') pixelate(context, area);
      else {
        context.fillStyle = FILL;
        context.fillRect(area.x, area.y, area.width, area.height);
      }
    }
    return await withProfileIfAny(await canvas.convertToBlob({ type, quality: ENCODE_QUALITY }), type === 'image/jpeg' ? profile : null);
  } finally {
    bitmap.close();
  }
}

/** Shuffles the blocks' colours (RGBA, one per block, row after row) and shifts each by random noise, in place. */
export function scrambleBlocks(blocks: Uint8ClampedArray): void {
  const random = crypto.getRandomValues(new Uint32Array(blocks.length / 4));
  for (let i = random.length - 1; i > 0; i--) {
    const j = random[i]! % (i + 1);
    const [a, b] = [blocks.slice(4 * i, 4 * i + 4), blocks.slice(4 * j, 4 * j + 4)];
    blocks.set(b, 4 * i);
    blocks.set(a, 4 * j);
  }
  const noise = crypto.getRandomValues(new Uint8Array(blocks.length));
  for (let i = 0; i < blocks.length; i++) {
    if (i % 4 !== 3) blocks[i] = blocks[i]! + ((noise[i]! / 255) * 2 - 1) * NOISE;
  }
}

/**
 * A few large blocks of the region's average colours, shuffled and each shifted by random noise.
 * In place, even 6 × 6 averages keep a face’s layout (dark eyes above a lighter mouth): the
 * detector found such a face again in 2 of 6 trials on a test photo; shuffled, only the colours remain.
 */
function pixelate(context: OffscreenCanvasRenderingContext2D, area: Rect): void {
  const blocks = new OffscreenCanvas(PIXEL_BLOCKS, PIXEL_BLOCKS);
  const small = blocks.getContext('2d')!;
  small.drawImage(context.canvas, area.x, area.y, area.width, area.height, 0, 0, PIXEL_BLOCKS, PIXEL_BLOCKS);
  const pixels = small.getImageData(0, 0, PIXEL_BLOCKS, PIXEL_BLOCKS);
  scrambleBlocks(pixels.data);
  small.putImageData(pixels, 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(blocks, 0, 0, PIXEL_BLOCKS, PIXEL_BLOCKS, area.x, area.y, area.width, area.height);
  context.imageSmoothingEnabled = true;
}
