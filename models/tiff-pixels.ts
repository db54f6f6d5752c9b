import UTIF from 'utif';

/** Past this many pixels (a 134 MP scan), a TIFF is left unread rather than risk the worker's memory (RGBA: 4 bytes each). */
const MOST_PIXELS = 2 ** 27;

/**
 * The colour layouts UTIF's conversion reads right (photometric interpretation → bits per
 * sample): any other it would hand over black or garbled, and a black photo shows no face, so such
 * a TIFF must stay one whose faces were not looked for. YCbCr only as JPEG, which decodes to RGB.
 */
const READ: Record<number, number[]> = { 0: [1, 4, 8], 1: [1, 2, 8, 16], 2: [8, 16], 3: [8], 5: [8] };
const JPEG = 7;
const YCBCR = 6;
const CMYK = 5;

/** A TIFF's main image, upright (its Orientation tag applied), as RGBA, with its ICC colour profile if it has one. Throws for a TIFF it cannot read. */
export function tiffPixels(bytes: Uint8Array): { width: number; height: number; data: Uint8ClampedArray<ArrayBuffer>; profile?: Uint8Array } {
  const ifds = UTIF.decode(bytes);
  // The full-resolution image: not a reduced copy (NewSubfileType's first bit), a preview a scanner put first.
  const image = ifds.find((ifd) => !((ifd.t254?.[0] ?? 0) & 1) && ifd.t256 && ifd.t257);
  if (!image) throw new Error('this TIFF holds no image');
  const [width, height] = [image.t256![0]!, image.t257![0]!];
  if (width * height > MOST_PIXELS) throw new Error(`this TIFF is too large to check (${width} × ${height})`);
  const bits = image.t258 ?? [1];
  const photometric = image.t262?.[0];
  const asJpeg = photometric === YCBCR && image.t259?.[0] === JPEG;
  const samples = bits.length;
  // Grey and palette images of one sample only: UTIF reads a grey image's alpha as the next pixel.
  const samplesRead = photometric === 2 ? samples === 3 || samples === 4 : photometric === CMYK ? samples >= 4 : samples === 1;
  const known = (asJpeg && bits[0] === 8 && samples === 3) || (photometric !== undefined && READ[photometric]?.includes(bits[0]!) && samplesRead);
  if (!known || image.t284?.[0] === 2) throw new Error(`a TIFF of a kind not decoded here (photometric ${photometric}, ${bits.join('/')} bits)`);
  UTIF.decodeImage(bytes, image, ifds);
  if (asJpeg) image.t262 = [2];
  const rgba = UTIF.toRGBA8(image);
  // UTIF leaves a CMYK image without an alpha sample transparent (it reads the alpha past each pixel).
  if (photometric === CMYK && samples === 4) for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  const shown = upright(new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, width * height * 4), width, height, image.t274?.[0] ?? 1);
  return image.t34675 ? { ...shown, profile: Uint8Array.from(image.t34675) } : shown;
}

/** The pixels as displayed, for an EXIF/TIFF orientation (1–8): turned and mirrored. */
export function upright(data: Uint8ClampedArray<ArrayBuffer>, width: number, height: number, orientation: number) {
  if (orientation < 2 || orientation > 8) return { width, height, data };
  const sideways = orientation >= 5;
  const [w, h] = sideways ? [height, width] : [width, height];
  const from = new Uint32Array(data.buffer, data.byteOffset, width * height);
  const out = new Uint8ClampedArray(w * h * 4);
  const to = new Uint32Array(out.buffer);
  // Where the displayed pixel (x, y) is stored.
  const source: Record<number, (x: number, y: number) => number> = {
    2: (x, y) => y * width + (width - 1 - x),
    3: (x, y) => (height - 1 - y) * width + (width - 1 - x),
    4: (x, y) => (height - 1 - y) * width + x,
    5: (x, y) => x * width + y,
    6: (x, y) => (height - 1 - x) * width + y,
    7: (x, y) => (height - 1 - x) * width + (width - 1 - y),
    8: (x, y) => x * width + (width - 1 - y),
  };
  const at = source[orientation]!;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) to[y * w + x] = from[at(x, y)]!;
  return { width: w, height: h, data: out };
}
