import type { LibHeif } from 'libheif-js/libheif-wasm/libheif.js';

/** libheif's C constants used here (heif_colorspace_RGB, heif_chroma_interleaved_RGBA, heif_channel_interleaved). */
const RGB = 1;
const INTERLEAVED_RGBA = 11;
const INTERLEAVED = 10;
/** sizeof(struct heif_image_tiling) in wasm32: version, 8 sizes and offsets, 1 + 3 padding, 8 dimensions. */
const TILING_SIZE = 72;

/** How a HEIF's primary image is cut into tiles, in its displayed orientation (see heif_image_tiling). */
export interface HeifTiling {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  width: number;
  height: number;
  /** How far up and left of the image the first tile starts: its cut part, in a turned grid. */
  top: number;
  left: number;
}

/** A horizontal band of the displayed image: `height` rows from `top`, at full width, as RGBA. */
export interface HeifBand {
  top: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * A HEIF photo opened through libheif's C API, whose tiles (an iPhone's HEIC is a grid of 512-px
 * tiles) can be decoded apart, so that several workers share one photo: libheif decodes on one
 * thread. Tile positions and pixels are in the displayed orientation (libheif applies rotation,
 * mirroring and cropping to each tile). `close` frees what libheif holds.
 */
export function openHeif(lib: LibHeif, bytes: Uint8Array) {
  const scratch = lib._malloc(16 + TILING_SIZE);
  const error = scratch;
  const out = scratch + 12;
  const tiling = scratch + 16;
  const context = lib._heif_context_alloc();
  let handle = 0;
  const u32 = (pointer: number) => lib.HEAPU32[pointer >> 2]!;
  const check = (what: string) => {
    const code = lib.HEAP32[error >> 2]!;
    if (code !== 0) throw new Error(`libheif could not ${what} (error ${code})`);
  };
  const close = () => {
    if (handle) lib._heif_image_handle_release(handle);
    lib._heif_context_free(context);
    lib._free(scratch);
  };
  try {
    const data = lib._malloc(bytes.length);
    lib.HEAPU8.set(bytes, data);
    lib._heif_context_read_from_memory(error, context, data, bytes.length, 0);
    lib._free(data); // read_from_memory copies it
    check('read this file');
    lib._heif_context_get_primary_image_handle(error, context, out);
    check('find its image');
    handle = u32(out);
    lib.HEAPU8.fill(0, tiling, tiling + TILING_SIZE);
    lib._heif_image_handle_get_image_tiling(error, handle, 1, tiling);
    check('read its tiles');
  } catch (failure) {
    close();
    throw failure;
  }
  const field = (index: number) => u32(tiling + 4 * index);
  // A turned grid whose edge tiles were cut has its first tile row or column shifted up or left by
  // what the cut took; libheif 1.23 gives what it left of that tile instead (its tests here show it).
  const shift = (left: number, side: number) => (left ? side - left : 0);
  const layout: HeifTiling = { columns: field(1), rows: field(2), tileWidth: field(3), tileHeight: field(4), width: field(5), height: field(6), top: shift(field(7), field(4)), left: shift(field(8), field(3)) };
  return {
    tiling: layout,
    /** Its ICC colour profile, if it carries one (an iPhone's: Display P3). */
    profile(): Uint8Array | undefined {
      const size = lib._heif_image_handle_get_raw_color_profile_size(handle);
      if (!size) return undefined;
      const at = lib._malloc(size);
      try {
        lib._heif_image_handle_get_raw_color_profile(error, handle, at);
        check('read its colour profile');
        return lib.HEAPU8.slice(at, at + size);
      } finally {
        lib._free(at);
      }
    },
    /** The tile rows `from` to `to` (excluded; not empty), cut to the image, as one band of its full width. */
    band(from: number, to: number): HeifBand {
      const { columns, tileWidth, tileHeight, width, height, top: shiftY, left: shiftX } = layout;
      const top = Math.max(0, from * tileHeight - shiftY);
      const bottom = Math.min(height, to * tileHeight - shiftY);
      const data = new Uint8ClampedArray(width * (bottom - top) * 4);
      const options = lib._heif_decoding_options_alloc();
      try {
        for (let row = from; row < to; row++) {
          for (let column = 0; column < columns; column++) {
            lib._heif_image_handle_decode_image_tile(error, handle, out, RGB, INTERLEAVED_RGBA, options, column, row);
            check(`decode its tile ${column},${row}`);
            const tile = u32(out);
            try {
              const pixels = lib._heif_image_get_plane_readonly2(tile, INTERLEAVED, out);
              const stride = u32(out);
              const x = column * tileWidth - shiftX;
              const y = row * tileHeight - shiftY;
              const [x0, x1] = [Math.max(0, x), Math.min(width, x + tileWidth)];
              for (let line = Math.max(top, y); line < Math.min(bottom, y + tileHeight); line++) {
                const at = pixels + (line - y) * stride + (x0 - x) * 4;
                data.set(lib.HEAPU8.subarray(at, at + (x1 - x0) * 4), ((line - top) * width + x0) * 4);
              }
            } finally {
              lib._heif_image_release(tile);
            }
          }
        }
      } finally {
        lib._heif_decoding_options_free(options);
      }
      return { top, height: bottom - top, data };
    },
    close,
  };
}
