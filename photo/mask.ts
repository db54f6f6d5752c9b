import type { Rect } from '../models/boxes';

/** Share of a face box added on every side: hair, ears and chin identify a child too. */
export const MASK_PADDING = 0.25;
const FILL = '#6b6b6b';
const ENCODE_QUALITY = 0.92;

export function paddedBox(face: Rect, width: number, height: number): Rect {
  const x = Math.max(0, face.x - face.width * MASK_PADDING);
  const y = Math.max(0, face.y - face.height * MASK_PADDING);
  return {
    x,
    y,
    width: Math.min(width, face.x + face.width * (1 + MASK_PADDING)) - x,
    height: Math.min(height, face.y + face.height * (1 + MASK_PADDING)) - y,
  };
}

/**
 * Redraws the photo at full resolution in its displayed orientation with an opaque fill over each
 * padded face box. A fill, not a blur: blurred and pixelated faces are re-identified by neural
 * networks (McPherson et al., 2016). The encoded file carries no metadata. Same format where the
 * browser can encode it (JPEG and WebP at quality 0.92, PNG), else PNG.
 */
export async function maskFaces(photo: Blob, faces: Rect[]): Promise<Blob> {
  const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    context.fillStyle = FILL;
    for (const face of faces) {
      const box = paddedBox(face, bitmap.width, bitmap.height);
      context.fillRect(Math.floor(box.x), Math.floor(box.y), Math.ceil(box.width) + 1, Math.ceil(box.height) + 1);
    }
    return await canvas.convertToBlob({ type: photo.type, quality: ENCODE_QUALITY });
  } finally {
    bitmap.close();
  }
}
