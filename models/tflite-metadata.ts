import { Builder } from 'flatbuffers';

/**
 * Builds the TFLite ModelMetadata flatbuffer (metadata_schema.fbs, file identifier "M001")
 * that MediaPipe Tasks needs to preprocess an image model's input: one subgraph whose single
 * input tensor is an RGB image normalised as (pixel - mean) / std.
 *
 * Slot numbers below are the field order of metadata_schema.fbs; a union occupies two slots
 * (its type byte, then its value).
 */
export interface ImageInputMetadata {
  name: string;
  description: string;
  mean: number;
  std: number;
}

const CONTENT_PROPERTIES_IMAGE = 2;
const COLOR_SPACE_RGB = 1;
const PROCESS_UNIT_NORMALIZATION = 1;

export const MODEL_METADATA_IDENTIFIER = 'M001';

export function buildImageInputMetadata(meta: ImageInputMetadata): Uint8Array {
  const b = new Builder(512);

  const floats = (values: number[]): number => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]!);
    return b.endVector();
  };
  const tables = (offsets: number[]): number => {
    b.startVector(4, offsets.length, 4);
    for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
    return b.endVector();
  };

  const mean = floats([meta.mean, meta.mean, meta.mean]);
  const std = floats([meta.std, meta.std, meta.std]);
  b.startObject(2); // NormalizationOptions { mean, std }
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const normalization = b.endObject();

  b.startObject(2); // ProcessUnit { options_type, options }
  b.addFieldInt8(0, PROCESS_UNIT_NORMALIZATION, 0);
  b.addFieldOffset(1, normalization, 0);
  const processUnit = b.endObject();

  b.startObject(2); // ImageProperties { color_space, default_size }
  b.addFieldInt8(0, COLOR_SPACE_RGB, 0);
  const imageProperties = b.endObject();

  b.startObject(3); // Content { content_properties_type, content_properties, range }
  b.addFieldInt8(0, CONTENT_PROPERTIES_IMAGE, 0);
  b.addFieldOffset(1, imageProperties, 0);
  const content = b.endObject();

  const tensorName = b.createString('image');
  const processUnits = tables([processUnit]);
  b.startObject(7); // TensorMetadata
  b.addFieldOffset(0, tensorName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, processUnits, 0);
  const inputTensor = b.endObject();

  const inputs = tables([inputTensor]);
  b.startObject(9); // SubGraphMetadata
  b.addFieldOffset(2, inputs, 0);
  const subgraph = b.endObject();

  const name = b.createString(meta.name);
  const description = b.createString(meta.description);
  const subgraphs = tables([subgraph]);
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, description, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.finish(b.endObject(), MODEL_METADATA_IDENTIFIER);
  return b.asUint8Array();
}
