import { type Container, readContainer } from './segments';

/** Most images looked for after a JPEG's own: a camera stores one or two previews, a phone one gain map. */
const MAX_APPENDED = 8;

/** Where the next JPEG start of image (FF D8 FF) is, from `from` up to `limit`, or -1. */
function nextImageStart(bytes: Uint8Array, from: number, limit: number): number {
  for (let at = bytes.indexOf(0xff, from); at !== -1 && at + 3 <= limit; at = bytes.indexOf(0xff, at + 1)) {
    if (bytes[at + 1] === 0xd8 && bytes[at + 2] === 0xff) return at;
  }
  return -1;
}

/** An image appended after a JPEG's own, and its container, walked once. */
export interface AppendedImage {
  bytes: Uint8Array;
  container: Container;
}

/**
 * The JPEG images appended after a JPEG's own, as the Multi-Picture Format stores a camera's
 * previews or a phone's HDR gain map, each with metadata of its own (exiftool reads it with
 * `-ee`), up to a motion photo's video. They reach the site with the photo, and go when it is
 * stripped. Bytes that only look like an image's start are skipped.
 */
export function appendedImages(bytes: Uint8Array, { imageEnd, segments }: Container): AppendedImage[] {
  const limit = segments.find((s) => s.kind === 'video')?.start ?? bytes.length;
  const images: AppendedImage[] = [];
  // Only a JPEG whole to its end has any (`imageEnd` is not set for other formats).
  for (let at = imageEnd ?? limit; images.length < MAX_APPENDED; ) {
    const start = nextImageStart(bytes, at, limit);
    if (start === -1) break;
    const container = walked(bytes.subarray(start, limit));
    if (container?.imageEnd == null) {
      at = start + 2;
      continue;
    }
    // Its segments all lie before its scan, so they hold for the image cut at its end.
    images.push({ bytes: bytes.subarray(start, start + container.imageEnd), container });
    at = start + container.imageEnd;
  }
  return images;
}

function walked(bytes: Uint8Array): Container | null {
  try {
    return readContainer(bytes);
  } catch {
    return null;
  }
}
