import { type MaskStyle, maskFaces } from '../photo/mask';
import { maskGif } from '../photo/gif-mask';
import { MOTION_VIDEO, stripMetadata } from '../photo/strip';
import { fileBytes } from './file-bytes';
import type { PhotoCheck } from './photo-check';

export interface Protection {
  mask: boolean;
  style: MaskStyle;
  /** All metadata, or only a motion photo's video (for a rule that keeps the other details). */
  strip: boolean | 'video';
  /** Per detected face, whether to mask it. */
  faces: boolean[];
}

/** What a selection became: the file to post for each photo (none when masking failed), and counts. */
export interface Outcome {
  files: Map<File, File>;
  maskedFaces: number;
  stripped: number;
  /** Photos whose motion-photo video alone was removed. */
  videosRemoved: number;
  /** Names of photos that could not be masked and were held back. */
  failed: string[];
}

const withBytes = (original: File, content: Blob) =>
  new File([content], original.name, { type: original.type, lastModified: original.lastModified });

/**
 * The file the site receives for one photo. Masking redraws the pixels, which drops all metadata;
 * stripping alone is lossless. Throws when masking fails: posting the photo unmasked instead would
 * publish what the user chose to hide.
 */
async function protectPhoto(check: PhotoCheck, choice: Protection): Promise<{ file: File; masked: number; stripped: boolean | 'video' }> {
  const faces = (check.faces ?? []).filter((_, i) => choice.faces[i] !== false);
  if (choice.mask && faces.length && check.metadata?.format === 'gif') {
    // Browsers cannot write GIF: the extension does, every frame masked, an animation kept one.
    try {
      const masked = new Blob([maskGif(await fileBytes(check.file), faces, choice.style)]);
      return { file: withBytes(check.file, masked), masked: faces.length, stripped: !!check.metadata.findings.length };
    } catch (error) {
      // A GIF whose frames were all read cannot become a still; one the browser alone decoded may.
      if (check.frames) throw error;
    }
  }
  if (choice.mask && faces.length) {
    const masked = await maskFaces(check.file, faces, choice.style);
    // A browser that cannot encode the original format gives PNG: say so in the type and name.
    const file =
      masked.type === check.file.type
        ? withBytes(check.file, masked)
        : new File([masked], check.file.name.replace(/\.[^.]*$/, '') + '.png', { type: masked.type, lastModified: check.file.lastModified });
    return { file, masked: faces.length, stripped: !!check.metadata?.findings.length };
  }
  const { metadata } = check;
  if (choice.strip && metadata?.findings.some((f) => choice.strip === true || f.kind === 'video')) {
    const bytes = await fileBytes(check.file);
    const removed = choice.strip === 'video' ? MOTION_VIDEO : undefined;
    let stripped: Blob;
    try {
      stripped = new Blob([stripMetadata(bytes, metadata.orientation, removed)]);
    } catch {
      // A container readMetadata could walk but not copy (a JPEG without its end marker): redrawn
      // instead, which drops the metadata too, rather than posted with it.
      stripped = await maskFaces(check.file, [], choice.style);
    }
    return { file: withBytes(check.file, stripped), masked: 0, stripped: choice.strip };
  }
  return { file: check.file, masked: 0, stripped: false };
}

export async function protectAll(checks: PhotoCheck[], choiceOf: (check: PhotoCheck, index: number) => Protection): Promise<Outcome> {
  const outcome: Outcome = { files: new Map(), maskedFaces: 0, stripped: 0, videosRemoved: 0, failed: [] };
  await Promise.all(
    checks.map(async (check, i) => {
      try {
        const { file, masked, stripped } = await protectPhoto(check, choiceOf(check, i));
        outcome.files.set(check.file, file);
        outcome.maskedFaces += masked;
        outcome.stripped += stripped === true ? 1 : 0;
        outcome.videosRemoved += stripped === 'video' ? 1 : 0;
      } catch {
        outcome.failed.push(check.file.name);
      }
    }),
  );
  return outcome;
}
