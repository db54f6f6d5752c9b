/** GIF's variable-length LZW (codes of 3 to 12 bits, least significant bit first). */

const MAX_CODES = 4096;

/**
 * The palette indices of a frame of `pixels` pixels. A missing end code is tolerated (many
 * encoders leave it out); data that ends before every pixel is known is not: throws.
 */
export function lzwDecode(data: Uint8Array, minCodeSize: number, pixels: number): Uint8Array {
  if (minCodeSize < 2 || minCodeSize > 8) throw new Error('malformed GIF frame');
  const out = new Uint8Array(pixels);
  const clear = 1 << minCodeSize;
  const prefix = new Int16Array(MAX_CODES);
  const suffix = new Uint8Array(MAX_CODES);
  const first = new Uint8Array(MAX_CODES);
  const length = new Uint16Array(MAX_CODES);
  for (let i = 0; i < clear; i++) [suffix[i], first[i], length[i], prefix[i]] = [i, i, 1, -1];
  let codeSize = minCodeSize + 1;
  let next = clear + 2;
  let previous = -1;
  let buffer = 0;
  let bits = 0;
  let at = 0;
  let written = 0;
  while (written < pixels) {
    while (bits < codeSize) {
      if (at >= data.length) throw new Error('truncated GIF frame');
      buffer |= data[at++]! << bits;
      bits += 8;
    }
    const code = buffer & ((1 << codeSize) - 1);
    buffer >>>= codeSize;
    bits -= codeSize;
    if (code === clear) {
      [codeSize, next, previous] = [minCodeSize + 1, clear + 2, -1];
      continue;
    }
    if (code === clear + 1) break;
    if (code > next || (code === next && previous < 0)) throw new Error('malformed GIF frame');
    if (previous >= 0 && next < MAX_CODES) {
      // The new entry is the previous string plus the first index of this one (of itself if new).
      prefix[next] = previous;
      suffix[next] = code === next ? first[previous]! : first[code]!;
      first[next] = first[previous]!;
      length[next] = length[previous]! + 1;
      next++;
      if (next === 1 << codeSize && codeSize < 12) codeSize++;
    }
    // Written back to front: each entry knows only its last index and its prefix.
    const end = Math.min(pixels, written + length[code]!);
    for (let c = code, i = written + length[code]! - 1; c >= 0; c = prefix[c]!, i--) if (i < end) out[i] = suffix[c]!;
    written = end;
    previous = code;
  }
  if (written < pixels) throw new Error('truncated GIF frame');
  return out;
}

/** Codes for `indices` (each below 2^minCodeSize), starting with a clear code, ending with the end code. */
export function lzwEncode(indices: Uint8Array, minCodeSize: number): Uint8Array {
  const clear = 1 << minCodeSize;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  let codeSize = minCodeSize + 1;
  const emit = (code: number) => {
    buffer |= code << bits;
    bits += codeSize;
    while (bits >= 8) {
      out.push(buffer & 255);
      buffer >>>= 8;
      bits -= 8;
    }
  };
  let table = new Map<number, number>();
  let next = clear + 2;
  emit(clear);
  let current = indices.length ? indices[0]! : -1;
  for (let i = 1; i < indices.length; i++) {
    const index = indices[i]!;
    const known = table.get(current * 256 + index);
    if (known !== undefined) {
      current = known;
      continue;
    }
    emit(current);
    if (next === MAX_CODES) {
      emit(clear);
      [table, next, codeSize] = [new Map(), clear + 2, minCodeSize + 1];
    } else {
      // The decoder adds each entry one code later, and widens its codes as it does.
      if (next >= 1 << codeSize) codeSize++;
      table.set(current * 256 + index, next++);
    }
    current = index;
  }
  if (current >= 0) emit(current);
  emit(clear + 1);
  if (bits) out.push(buffer & 255);
  return Uint8Array.from(out);
}
