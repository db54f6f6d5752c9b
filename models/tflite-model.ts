import { Builder } from 'flatbuffers';
import { Table } from './flatbuffer-table';

/** tflite schema.fbs, table Model: slot numbers of its fields. */
const MODEL = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadataBuffer: 5,
  metadata: 6,
  signatureDefs: 7,
} as const;
const MODEL_SLOTS = 8;
const BUFFER_SLOTS = 3; // Buffer { data, offset, size }
const METADATA_SLOTS = 2; // Metadata { name, buffer }
/** schema.fbs forces buffer data to 16-byte alignment; keeping it keeps tensors aligned. */
const BUFFER_ALIGN = 16;

export const TFLITE_IDENTIFIER = 'TFL3';
export const METADATA_NAME = 'TFLITE_METADATA';

/**
 * Returns a copy of a TFLite model with `metadata` added as a named entry of the Model's
 * `metadata` vector, pointing to a new buffer.
 *
 * The original file is embedded whole and 16-byte aligned: flatbuffer offsets are relative, so
 * every table, tensor and weight buffer stays valid where it is. Only a new root Model table and
 * new `buffers`/`metadata` vectors are written in front of it; they point into the old bytes.
 */
export function attachMetadata(model: Uint8Array, name: string, metadata: Uint8Array): Uint8Array {
  const old = Table.root(model);
  if (!old.bb.__has_identifier(TFLITE_IDENTIFIER)) throw new Error('not a TFLite model (no TFL3 identifier)');
  if (old.slotCount() > MODEL_SLOTS) throw new Error('model has fields this schema does not know; refusing to drop them');
  if (listMetadataNames(model).includes(name)) throw new Error(`model already carries ${name}`);

  const b = new Builder(model.length + metadata.length + 4096);
  const rawBytes = (bytes: Uint8Array): { vector: number; start: number } => {
    b.startVector(1, bytes.length, BUFFER_ALIGN);
    for (let i = bytes.length - 1; i >= 0; i--) b.addInt8(bytes[i]!);
    const start = b.offset();
    return { vector: b.endVector(), start };
  };
  const offsets = (items: number[]): number => {
    b.startVector(4, items.length, 4);
    for (let i = items.length - 1; i >= 0; i--) b.addOffset(items[i]!);
    return b.endVector();
  };

  const oldStart = rawBytes(model).start;
  // Builder offsets count from the end of the buffer; an old object at position p sits here.
  const moved = (position: number): number => oldStart - position;

  const metadataBytes = rawBytes(metadata).vector;
  b.startObject(BUFFER_SLOTS);
  b.addFieldOffset(0, metadataBytes, 0);
  const metadataBuffer = b.endObject();
  const oldBuffers = old.tablePositions(MODEL.buffers);
  const buffers = offsets([...oldBuffers.map(moved), metadataBuffer]);

  const entryName = b.createString(name);
  b.startObject(METADATA_SLOTS);
  b.addFieldOffset(0, entryName, 0);
  b.addFieldInt32(1, oldBuffers.length, 0);
  const entry = b.endObject();
  const entries = offsets([...old.tablePositions(MODEL.metadata).map(moved), entry]);

  b.startObject(MODEL_SLOTS);
  b.addFieldInt32(MODEL.version, old.uint32(MODEL.version), 0);
  for (const slot of [MODEL.operatorCodes, MODEL.subgraphs, MODEL.description, MODEL.metadataBuffer, MODEL.signatureDefs]) {
    const target = old.target(slot);
    if (target) b.addFieldOffset(slot, moved(target), 0);
  }
  b.addFieldOffset(MODEL.buffers, buffers, 0);
  b.addFieldOffset(MODEL.metadata, entries, 0);
  b.finish(b.endObject(), TFLITE_IDENTIFIER);
  return b.asUint8Array().slice();
}

export function listMetadataNames(model: Uint8Array): string[] {
  return Table.root(model)
    .tables(MODEL.metadata)
    .map((entry) => entry.string(0) ?? '');
}

/** The bytes of a named metadata entry, or null. */
export function readMetadata(model: Uint8Array, name: string): Uint8Array | null {
  const root = Table.root(model);
  const entry = root.tables(MODEL.metadata).find((e) => e.string(0) === name);
  if (!entry) return null;
  const buffer = root.tables(MODEL.buffers)[entry.uint32(1)];
  const range = buffer?.byteRange(0);
  return range ? model.subarray(range.start, range.start + range.length) : null;
}

/** Every weight buffer's bytes, in order: what must survive the rewrite unchanged. */
export function bufferContents(model: Uint8Array): Array<{ start: number; bytes: Uint8Array }> {
  return Table.root(model)
    .tables(MODEL.buffers)
    .map((buffer) => {
      const range = buffer.byteRange(0);
      return range
        ? { start: range.start, bytes: model.subarray(range.start, range.start + range.length) }
        : { start: 0, bytes: new Uint8Array(0) };
    });
}
