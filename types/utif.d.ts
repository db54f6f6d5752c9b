/** The part of UTIF.js (photopea's TIFF decoder) used here: it ships no typings. */
declare module 'utif' {
  /** A TIFF directory: its tags as `t<number>` arrays; width, height and data once decoded. */
  export interface Ifd {
    [tag: `t${number}`]: number[] | undefined;
    width?: number;
    height?: number;
    data?: Uint8Array;
  }
  const UTIF: {
    decode(buffer: ArrayBuffer | Uint8Array): Ifd[];
    decodeImage(buffer: ArrayBuffer | Uint8Array, ifd: Ifd, ifds?: Ifd[]): void;
    toRGBA8(ifd: Ifd): Uint8Array;
  };
  export default UTIF;
}
