import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ByteBuffer } from 'flatbuffers';
import { BLAZEFACE_NORMALIZATION, MODEL_FILES, prepareFaceModel } from '../../models/face-model';
import { Table } from '../../models/flatbuffer-table';
import { MODEL_METADATA_IDENTIFIER } from '../../models/tflite-metadata';
import { attachMetadata, bufferContents, listMetadataNames, METADATA_NAME, readMetadata } from '../../models/tflite-model';

const bare = (file: string) =>
  new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(`@mediapipe/face_detection/${file}`)));

describe.each(Object.values(MODEL_FILES))('prepared %s', (file) => {
  const original = bare(file);
  const prepared = prepareFaceModel(original, file);

  it('starts without metadata, which is why MediaPipe Tasks refuses it', () => {
    expect(readMetadata(original, METADATA_NAME)).toBeNull();
  });

  it('is still a TFLite model and carries a TFLITE_METADATA entry', () => {
    expect(new ByteBuffer(prepared).__has_identifier('TFL3')).toBe(true);
    expect(listMetadataNames(prepared)).toContain(METADATA_NAME);
  });

  it('describes one RGB image input normalised with mean 127.5 and std 127.5', () => {
    const bytes = readMetadata(prepared, METADATA_NAME)!;
    expect(new ByteBuffer(bytes).__has_identifier(MODEL_METADATA_IDENTIFIER)).toBe(true);
    const subgraphs = Table.root(bytes).tables(3);
    expect(subgraphs).toHaveLength(1);
    const inputs = subgraphs[0]!.tables(2);
    expect(inputs).toHaveLength(1);
    const content = inputs[0]!.table(3)!;
    expect(content.uint8(0)).toBe(2); // ContentProperties.ImageProperties
    expect(content.table(1)!.uint8(0)).toBe(1); // ColorSpaceType.RGB
    const units = inputs[0]!.tables(4);
    expect(units).toHaveLength(1);
    expect(units[0]!.uint8(0)).toBe(1); // ProcessUnitOptions.NormalizationOptions
    const normalization = units[0]!.table(1)!;
    expect(normalization.floats(0)).toEqual(Array(3).fill(BLAZEFACE_NORMALIZATION.mean));
    expect(normalization.floats(1)).toEqual(Array(3).fill(BLAZEFACE_NORMALIZATION.std));
  });

  it('keeps every weight buffer byte for byte, at the same 16-byte alignment', () => {
    const before = bufferContents(original);
    const after = bufferContents(prepared);
    expect(after).toHaveLength(before.length + 1);
    before.forEach((buffer, i) => {
      expect(Buffer.from(after[i]!.bytes).equals(Buffer.from(buffer.bytes))).toBe(true);
      if (buffer.bytes.length) expect(after[i]!.start % 16).toBe(buffer.start % 16);
    });
  });

  it('keeps the graph: operator codes, subgraphs and description', () => {
    const [a, b] = [Table.root(original), Table.root(prepared)];
    for (const slot of [1, 2]) expect(b.tablePositions(slot).length).toBe(a.tablePositions(slot).length);
    expect(b.string(3)).toBe(a.string(3));
    expect(b.uint32(0)).toBe(a.uint32(0));
  });

  it('refuses to add the same entry twice', () => {
    expect(() => attachMetadata(prepared, METADATA_NAME, new Uint8Array(4))).toThrow(/already/);
  });
});
