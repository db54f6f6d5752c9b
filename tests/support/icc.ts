/** sRGB's primaries adapted to D50, as an ICC profile's rXYZ, gXYZ and bXYZ tags hold them. */
export const SRGB_PRIMARIES = { red: [0.4361, 0.2225, 0.0139], green: [0.3851, 0.7169, 0.0971], blue: [0.1431, 0.0606, 0.7141] };

/**
 * A minimal ICC v2 RGB display profile: linear curves and the given primaries. With red and green
 * swapped, a colour-managed decoder shows stored red as green: a test can tell it was applied.
 */
export function rgbProfile(description: string, primaries = SRGB_PRIMARIES, colourSpace = 'RGB '): Uint8Array {
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
  const u32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  const s15 = (v: number) => u32(Math.round(v * 65536) >>> 0);
  const xyz = (v: number[]) => [...ascii('XYZ '), 0, 0, 0, 0, ...v.flatMap(s15)];
  const curve = [...ascii('curv'), 0, 0, 0, 0, ...u32(0)]; // no entries: linear
  const desc = [...ascii('desc'), 0, 0, 0, 0, ...u32(description.length + 1), ...ascii(description), 0, ...new Array(8 + 3 + 67).fill(0)];
  const tags: Array<[string, number[]]> = [
    ['desc', desc],
    ['wtpt', xyz([0.9642, 1, 0.8249])],
    ['rXYZ', xyz(primaries.red)],
    ['gXYZ', xyz(primaries.green)],
    ['bXYZ', xyz(primaries.blue)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const padded = (bytes: number[]) => [...bytes, ...new Array((4 - (bytes.length % 4)) % 4).fill(0)];
  let at = 128 + 4 + tags.length * 12;
  const table: number[] = [];
  const data: number[] = [];
  for (const [signature, bytes] of tags) {
    table.push(...ascii(signature), ...u32(at), ...u32(bytes.length));
    data.push(...padded(bytes));
    at += padded(bytes).length;
  }
  const header = [
    ...u32(at), 0, 0, 0, 0, 0x02, 0x10, 0, 0, ...ascii('mntr'), ...ascii(colourSpace), ...ascii('XYZ '), ...new Array(12).fill(0),
    ...ascii('acsp'), ...new Array(24).fill(0), 0, 0, 0, 0, ...[0.9642, 1, 0.8249].flatMap(s15), ...new Array(48).fill(0),
  ];
  return new Uint8Array([...header, ...u32(tags.length), ...table, ...data]);
}

/** Red and green primaries swapped: a colour-managed decoder shows what is stored red as green. */
export const SWAPPED_PROFILE = rgbProfile('Swapped RGB', { red: SRGB_PRIMARIES.green, green: SRGB_PRIMARIES.red, blue: SRGB_PRIMARIES.blue });

// Scripts run in a page (as source, which Playwright and Puppeteer both evaluate as it is).

/** The photo (base64) as a JPEG whose top-left 64 px corner is stored pure red: resolves to its bytes, base64. */
export const redCornerJpeg = (base64: string) => `(async () => {
  const bitmap = await createImageBitmap(await (await fetch('data:image/jpeg;base64,${base64}')).blob(), { colorSpaceConversion: 'none' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  context.drawImage(bitmap, 0, 0);
  context.fillStyle = '#f00';
  context.fillRect(0, 0, 64, 64);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
})()`;

/** That corner of a JPEG (base64) as stored and as shown (colour-managed): resolves to [[r, g, b], [r, g, b]]. */
export const cornerColours = (base64: string) => `(async () => {
  const blob = await (await fetch('data:image/jpeg;base64,${base64}')).blob();
  const colours = [];
  for (const colorSpaceConversion of ['none', 'default']) {
    const bitmap = await createImageBitmap(blob, { colorSpaceConversion });
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    context.drawImage(bitmap, 0, 0);
    colours.push([...context.getImageData(32, 32, 1, 1).data.subarray(0, 3)]);
  }
  return colours;
})()`;
