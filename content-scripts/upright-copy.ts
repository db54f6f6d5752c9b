import { decodeUpright, drawnAt, type ScaleOf } from '../photo/upright-decode';

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

/** Sharp enough for one photo shown across the whole window, where a class photo's faces must be told apart. */
const THUMBNAIL_SIDE = 1280;

/** The photo as the overlay shows it. */
export const thumbnail = async (file: File) => (await uprightCopy(file, (w, h) => Math.min(1, THUMBNAIL_SIDE / Math.max(w, h)), 0.85))?.blob ?? null;
