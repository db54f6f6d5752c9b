/** The parts one after the other, in a new buffer. */
export const concat = (parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** `length` bytes from `at` as text, one character per byte: the four-letter codes of every container. */
export const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

/**
 * The bytes without the NULs that pad them at the end (C strings, fixed-size fields): found by a
 * scan, since `/\0+$/` on the decoded text backtracks over a run of NULs not at the end and takes
 * time that grows with the square of its length (a second for 60 KB).
 */
export function withoutTrailingNuls(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}

/**
 * A picked file's bytes, copied into a buffer of this script's own. In Firefox a file from the
 * page's input, drop or paste belongs to the page's compartment, and so does the buffer it reads
 * into: a content script's DataViews and TextDecoders cannot use it, and metadata went unseen.
 */
export async function fileBytes(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  const source = new Uint8Array(await file.arrayBuffer());
  const own = new Uint8Array(source.length);
  own.set(source);
  return own;
}
