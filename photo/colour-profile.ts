/** An ICC profile's colour space (bytes 16–19 of its header): only an RGB one can describe a JPEG's RGB pixels. */
export const isRgbProfile = (profile: Uint8Array) => profile.length >= 128 && String.fromCharCode(...profile.subarray(16, 20)) === 'RGB ';

const MARKER = [0x49, 0x43, 0x43, 0x5f, 0x50, 0x52, 0x4f, 0x46, 0x49, 0x4c, 0x45, 0]; // "ICC_PROFILE\0"
/** Most of a profile one APP2 segment holds: 65535 less its length field, the marker and the chunk numbers. */
const CHUNK = 65535 - 2 - MARKER.length - 2;

/**
 * The JPEG with `profile` in APP2 segments (split as the ICC specification says), after its
 * JFIF header: pixels the extension decoded itself (a TIFF scan in Adobe RGB) then show, and are
 * drawn for masking, in the colours they were stored in, not read as sRGB.
 */
export function withColourProfile(jpeg: Uint8Array, profile: Uint8Array): Uint8Array<ArrayBuffer> {
  const count = Math.ceil(profile.length / CHUNK);
  const segments = Array.from({ length: count }, (_, i) => {
    const data = profile.subarray(i * CHUNK, (i + 1) * CHUNK);
    const length = 2 + MARKER.length + 2 + data.length;
    return [0xff, 0xe2, length >> 8, length & 0xff, ...MARKER, i + 1, count, ...data];
  });
  // After SOI, and after an APP0 (JFIF) segment if one comes first, as decoders expect it.
  const at = jpeg[2] === 0xff && jpeg[3] === 0xe0 ? 4 + ((jpeg[4]! << 8) | jpeg[5]!) : 2;
  const inserted = segments.reduce((n, segment) => n + segment.length, 0);
  const out = new Uint8Array(jpeg.length + inserted);
  out.set(jpeg.subarray(0, at));
  let next = at;
  for (const segment of segments) {
    out.set(segment, next);
    next += segment.length;
  }
  out.set(jpeg.subarray(at), next);
  return out;
}
