// Uint8Array base64 helpers (TC39 proposal-arraybuffer-base64): in Chrome 140+ and Firefox 133+,
// not yet in TypeScript's DOM lib.
interface Uint8Array {
  toBase64(): string;
}
interface Uint8ArrayConstructor {
  fromBase64(base64: string): Uint8Array<ArrayBuffer>;
}
