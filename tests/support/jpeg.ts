import { join } from './heif';

/** A JPEG marker segment: FF, the marker, its big-endian length (counting itself), the content. */
export function jpegSegment(marker: number, ...content: Uint8Array[]): Uint8Array {
  const body = join(...content);
  const length = body.length + 2;
  return join(Uint8Array.of(0xff, marker, length >> 8, length & 255), body);
}

/** The JPEG with segments inserted at byte `at` (2: right after SOI). */
export const withSegments = (jpeg: Uint8Array, at: number, ...segments: Uint8Array[]) => join(jpeg.subarray(0, at), ...segments, jpeg.subarray(at));
