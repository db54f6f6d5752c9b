import { concat, fileBytes } from './bytes';
import { ICC_IDENTIFIER } from './jpeg-kinds';
import { readContainer } from './segments';

/** An ICC profile's colour space (bytes 16–19 of its header): only an RGB one can describe a JPEG's RGB pixels. */
export const isRgbProfile = (profile: Uint8Array) => profile.length >= 128 && String.fromCharCode(...profile.subarray(16, 20)) === 'RGB ';

const MARKER = [...ICC_IDENTIFIER].map((c) => c.charCodeAt(0));
/** Most of a profile one APP2 segment holds: 65535 less its length field, the marker and the chunk numbers. */
const CHUNK = 65535 - 2 - MARKER.length - 2;

/**
 * The JPEG with `profile` in APP2 segments (split as the ICC specification says), after its
 * JFIF header, in place of any it had (a browser's encoder writes sRGB's): pixels the extension
 * decoded itself, or drew as stored, then show in the colours they were stored in.
 */
export function withColourProfile(jpeg: Uint8Array, profile: Uint8Array): Uint8Array<ArrayBuffer> {
  const count = Math.ceil(profile.length / CHUNK);
  const segments = Array.from({ length: count }, (_, i) => {
    const data = profile.subarray(i * CHUNK, (i + 1) * CHUNK);
    const length = 2 + MARKER.length + 2 + data.length;
    return new Uint8Array([0xff, 0xe2, length >> 8, length & 0xff, ...MARKER, i + 1, count, ...data]);
  });
  const old = profileSegments(jpeg);
  const kept = (from: number, to: number) => {
    const parts: Uint8Array[] = [];
    for (const segment of old.filter((s) => s.start >= from && s.end <= to)) {
      parts.push(jpeg.subarray(from, segment.start));
      from = segment.end;
    }
    return [...parts, jpeg.subarray(from, to)];
  };
  // After SOI, and after an APP0 (JFIF) segment if one comes first, as decoders expect it.
  const at = jpeg[2] === 0xff && jpeg[3] === 0xe0 ? 4 + ((jpeg[4]! << 8) | jpeg[5]!) : 2;
  return concat([jpeg.subarray(0, at), ...segments, ...kept(at, jpeg.length)]);
}

/** A JPEG just encoded (by a canvas), given `profile` (see withColourProfile); as it is without one. */
export async function withProfileIfAny(jpeg: Blob, profile: Uint8Array | null | undefined): Promise<Blob> {
  return profile ? new Blob([withColourProfile(await fileBytes(jpeg), profile)], { type: jpeg.type }) : jpeg;
}

/** The main image's ICC segments (not a preview's appended after it); none for a file that is not a JPEG it can walk. */
function profileSegments(jpeg: Uint8Array) {
  try {
    const container = readContainer(jpeg);
    return container.format === 'jpeg' ? container.segments.filter((segment) => segment.kind === 'icc' && segment.end <= container.scanStart) : [];
  } catch {
    return [];
  }
}

/** A JPEG's ICC profile, its APP2 chunks joined in their order, when it describes RGB; null when it has none, or none that fits. */
export function jpegRgbProfile(bytes: Uint8Array): Uint8Array | null {
  const header = 4 + MARKER.length;
  const chunks = profileSegments(bytes)
    .map((segment) => ({ order: bytes[segment.start + header]!, data: bytes.subarray(segment.start + header + 2, segment.end) }))
    .sort((a, b) => a.order - b.order);
  const profile = concat(chunks.map((chunk) => chunk.data));
  return chunks.length && isRgbProfile(profile) ? profile : null;
}
