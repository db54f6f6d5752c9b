import { buildImageInputMetadata } from './tflite-metadata';
import { attachMetadata, METADATA_NAME } from './tflite-model';

/** The BlazeFace models MediaPipe publishes take 0..255 RGB normalised to -1..1. */
export const BLAZEFACE_NORMALIZATION = { mean: 127.5, std: 127.5 } as const;

export const MODEL_FILES = {
  fullRange: 'face_detection_full_range.tflite',
  shortRange: 'face_detection_short_range.tflite',
} as const;

/** Adds the input metadata MediaPipe Tasks requires to a bare BlazeFace model. */
export function prepareFaceModel(bare: Uint8Array, fileName: string): Uint8Array {
  const metadata = buildImageInputMetadata({
    name: fileName.replace(/\.tflite$/, ''),
    description: 'BlazeFace from @mediapipe/face_detection, with input metadata added for MediaPipe Tasks',
    ...BLAZEFACE_NORMALIZATION,
  });
  return attachMetadata(bare, METADATA_NAME, metadata);
}
