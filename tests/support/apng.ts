/**
 * An APNG for the tests (no encoder here writes one): a PNG's image shown as two frames, the second
 * repeating the first's compressed data. Browsers decode only the first frame for the detector.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => (bytes.reduce((c, b) => CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

const u32 = (value: number) => [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];

/** A PNG chunk: length, type, data, CRC. */
export function chunk(type: string, data: number[] | Uint8Array): Uint8Array {
  const body = Uint8Array.from([...new TextEncoder().encode(type), ...data]);
  return Uint8Array.from([...u32(body.length - 4), ...body, ...u32(crc32(body))]);
}

/** The PNG with chunks inserted before its IEND (its last 12 bytes). */
export const beforeIend = (png: Uint8Array, ...chunks: Uint8Array[]): Uint8Array =>
  Uint8Array.from([...png.subarray(0, -12), ...chunks.flatMap((c) => [...c]), ...png.subarray(-12)]);

/** The chunks of a PNG: type and data. */
function chunks(png: Uint8Array): Array<{ type: string; data: Uint8Array }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    out.push({ type: new TextDecoder().decode(png.subarray(at + 4, at + 8)), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

export function apngOf(png: Uint8Array): Uint8Array {
  const all = chunks(png);
  const header = all.find((c) => c.type === 'IHDR')!.data;
  const image = all.filter((c) => c.type === 'IDAT');
  const pixels = Uint8Array.from(image.flatMap((c) => [...c.data]));
  // Sequence number, size, offset (0, 0), half a second, no disposal, no blending.
  const control = (sequence: number) => chunk('fcTL', [...u32(sequence), ...header.subarray(0, 8), ...u32(0), ...u32(0), 0, 1, 0, 2, 0, 0]);
  const parts = [
    png.subarray(0, 8),
    chunk('IHDR', header),
    chunk('acTL', [...u32(2), ...u32(0)]),
    control(0),
    ...image.map((c) => chunk('IDAT', c.data)),
    control(1),
    chunk('fdAT', [...u32(2), ...pixels]),
    chunk('IEND', []),
  ];
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}
