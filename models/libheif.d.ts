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
  }
  /** The module, on the wasm given (fetched by the caller, so that it loads only when needed). */
  export default function libheif(options: { wasmBinary: ArrayBuffer }): Promise<LibHeif>;
}
