/** `length` bytes from `at` as text, one character per byte: the four-letter codes of every container. */
export const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
