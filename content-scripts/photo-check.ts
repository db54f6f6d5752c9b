import type { Sensitivity } from '../models/analysis-options';
import type { Box } from '../models/boxes';
import { type MetadataFinding, readMetadata } from '../photo/metadata';
import { type DetectorPort, encodeImage } from './detector-port';
import { fileBytes } from './file-bytes';

/** What the guard knows about one picked photo. */
export interface PhotoCheck {
  file: File;
  width: number;
  height: number;
  /** null when the photo could not be decoded: its faces are unknown. */
  faces: Box[] | null;
  /** null when its container could not be read: nothing will be rewritten. */
  metadata: { findings: MetadataFinding[]; orientation: number } | null;
}

export async function checkPhoto(file: File, detector: DetectorPort, sensitivity: Sensitivity): Promise<PhotoCheck> {
  const bytes = await fileBytes(file);
  const [metadata, result] = await Promise.all([
    readMetadata(bytes).catch(() => null),
    detector.analyse(encodeImage(file, bytes), sensitivity),
  ]);
  return result.ok
    ? { file, metadata, faces: result.analysis.faces, width: result.analysis.width, height: result.analysis.height }
    : { file, metadata, faces: null, width: 0, height: 0 };
}
