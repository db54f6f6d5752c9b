import { decodeUpright, drawnAt, type ScaleOf } from '../photo/upright-decode';
import { withinTime } from '../models/within-time';
import { THUMBNAIL_QUALITY, thumbnailScale } from '../photo/thumbnail';

export interface UprightCopy {
  blob: Blob;
  /** The photo's displayed size, before scaling. */
  width: number;
  height: number;
}

/** An upright JPEG of the photo scaled by `scaleOf` its size, or null when it cannot be decoded. */
export async function uprightCopy(file: Blob, scaleOf: ScaleOf, quality: number): Promise<UprightCopy | null> {
  try {
    const { bitmap, width, height } = await decodeUpright(file, scaleOf);
    const scale = scaleOf(width, height);
    const canvas = drawnAt(bitmap, Math.round(width * scale), Math.round(height * scale));
    bitmap.close();
    return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality }), width, height };
  } catch {
    return null;
  }
}

/**
 * How long a thumbnail may take before the window goes without it (showing the photo's name): a
 * 50 MP photo's takes about a second, and the window, which may wait for it, must open.
 */
export const THUMBNAIL_TIMEOUT_MS = 10_000;

/** The photo as the overlay shows it; null when it cannot be decoded, or not in time. */
export async function thumbnail(file: File): Promise<Blob | null> {
  const made = await withinTime(() => uprightCopy(file, thumbnailScale, THUMBNAIL_QUALITY), THUMBNAIL_TIMEOUT_MS);
  return made === 'timeout' ? null : (made?.blob ?? null);
}
