import { type MaskStyle, maskFaces } from '../photo/mask';
import { stripMetadata } from '../photo/strip';
import type { PhotoCheck } from './photo-check';

export interface Protection {
  mask: boolean;
  style: MaskStyle;
  strip: boolean;
  /** Per detected face, whether to mask it. */
  faces: boolean[];
}

const withBytes = (original: File, content: Blob) =>
  new File([content], original.name, { type: original.type, lastModified: original.lastModified });

/**
 * The file the site receives for one photo. Masking redraws the pixels, which drops all metadata;
 * stripping alone is lossless. A photo that cannot be processed is returned untouched.
 */
export async function protectPhoto(check: PhotoCheck, choice: Protection): Promise<File> {
  const faces = (check.faces ?? []).filter((_, i) => choice.faces[i] !== false);
  if (choice.mask && faces.length) {
    const masked = await maskFaces(check.file, faces, choice.style);
    // A browser that cannot encode the original format gives PNG: say so in the type and name.
    if (masked.type === check.file.type) return withBytes(check.file, masked);
    return new File([masked], check.file.name.replace(/\.[^.]*$/, '') + '.png', { type: masked.type, lastModified: check.file.lastModified });
  }
  if (choice.strip && check.metadata?.findings.length) {
    const bytes = new Uint8Array(await check.file.arrayBuffer());
    return withBytes(check.file, new Blob([stripMetadata(bytes, check.metadata.orientation)]));
  }
  return check.file;
}
