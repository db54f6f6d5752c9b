/** The part of libheif-js's emscripten build used here (its own typings describe the raw C API only). */
declare module 'libheif-js/libheif-wasm/libheif.js' {
  interface HeifImage {
    get_width(): number;
    get_height(): number;
    is_primary(): boolean;
    /** Decodes into `target` (RGBA), calling back with it, or with null when decoding failed. */
    display(target: { data: Uint8ClampedArray; width: number; height: number }, done: (result: unknown) => void): void;
    free(): void;
  }
  export interface LibHeif {
    /** `decoder` is the libheif context the last `decode` read into, which the caller frees. */
    HeifDecoder: new () => { decode(bytes: Uint8Array): HeifImage[]; decoder: number | null };
    heif_context_free(context: number): void;
    // The C API, pointers as numbers; a function returning `struct heif_error` takes where to
    // write it (code, subcode, message: 12 bytes) first.
    HEAPU8: Uint8Array;
    HEAP32: Int32Array;
    HEAPU32: Uint32Array;
    _malloc(size: number): number;
    _free(pointer: number): void;
    _heif_context_alloc(): number;
    _heif_context_free(context: number): void;
    _heif_context_read_from_memory(error: number, context: number, data: number, size: number, reserved: number): void;
    _heif_context_get_primary_image_handle(error: number, context: number, handle: number): void;
    _heif_image_handle_release(handle: number): void;
    /** The size of the image's ICC profile (0 when it has none, or only an nclx one). */
    _heif_image_handle_get_raw_color_profile_size(handle: number): number;
    _heif_image_handle_get_raw_color_profile(error: number, handle: number, out: number): void;
    _heif_image_handle_get_image_tiling(error: number, handle: number, transformed: number, tiling: number): void;
    _heif_decoding_options_alloc(): number;
    _heif_decoding_options_free(options: number): void;
    _heif_image_handle_decode_image_tile(error: number, handle: number, image: number, colorspace: number, chroma: number, options: number, x: number, y: number): void;
    _heif_image_get_plane_readonly2(image: number, channel: number, stride: number): number;
    _heif_image_release(image: number): void;
  }
  /** The module, on the wasm given (fetched by the caller, so that it loads only when needed). */
  export default function libheif(options: { wasmBinary: ArrayBuffer }): Promise<LibHeif>;
}
