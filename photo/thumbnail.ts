/** Sharp enough for one photo shown across the whole window, where a class photo's faces must be told apart. */
const THUMBNAIL_SIDE = 1280;

/** The thumbnail's JPEG quality: it is only looked at. */
export const THUMBNAIL_QUALITY = 0.85;

/** The share of a photo's size the overlay shows it at. */
export const thumbnailScale = (width: number, height: number): number => Math.min(1, THUMBNAIL_SIDE / Math.max(width, height));
