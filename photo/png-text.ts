import { ascii } from './bytes';
import type { Container, Segment } from './segments';

/**
 * PNG text chunks: tEXt (Latin-1), iTXt (UTF-8, maybe compressed) and zTXt (compressed). A
 * compressed note is inflated here, before it is read, as browsers inflate: asynchronously.
 */
export interface PngNote {
  keyword: string;
  /** Undefined when it could not be read (a damaged or oversized compressed text). */
  text?: string;
}

/** ImageMagick keeps a photo's whole EXIF or XMP in one of these notes: more than a note may hold. */
const MAX_INFLATED = 8 << 20;

const utf8 = new TextDecoder();
const latin1 = new TextDecoder('latin1');

/** Where a chunk's text starts, its encoding, and whether it is compressed. */
function layout(data: Uint8Array, type: string): { keyword: string; at: number; compressed: boolean; decoder: TextDecoder } | null {
  const nul = data.indexOf(0);
  if (nul < 0) return null;
  const keyword = latin1.decode(data.subarray(0, nul));
  if (type === 'tEXt') return { keyword, at: nul + 1, compressed: false, decoder: latin1 };
  if (type === 'zTXt') return { keyword, at: nul + 2, compressed: true, decoder: latin1 }; // one byte: the method
  // iTXt: compression flag and method, language tag, translated keyword, then the text.
  const language = data.indexOf(0, nul + 3);
  const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
  return translated < 0 ? { keyword, at: data.length, compressed: false, decoder: utf8 } : { keyword, at: translated + 1, compressed: data[nul + 1] === 1, decoder: utf8 };
}

async function inflated(data: Uint8Array): Promise<Uint8Array | undefined> {
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > MAX_INFLATED) {
        await reader.cancel();
        return undefined;
      }
      parts.push(read.value);
    }
  } catch {
    return undefined;
  }
  return new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
}

const chunkData = (bytes: Uint8Array, { start, end }: Segment) => bytes.subarray(start + 8, end - 4); // length and type first, CRC last

/** Every text chunk of a PNG, read, by where it starts. */
export async function readPngNotes(bytes: Uint8Array, { format, segments }: Container): Promise<Map<number, PngNote>> {
  const notes = new Map<number, PngNote>();
  if (format !== 'png') return notes;
  for (const segment of segments.filter((s) => s.kind === 'text')) {
    const found = layout(chunkData(bytes, segment), ascii(bytes, segment.start + 4, 4));
    if (!found) continue;
    const raw = chunkData(bytes, segment).subarray(found.at);
    const text = found.compressed ? await inflated(raw) : raw;
    notes.set(segment.start, { keyword: found.keyword, ...(text && { text: found.decoder.decode(text) }) });
  }
  return notes;
}
