import type { Rect } from '../models/boxes';
import { type MaskStyle, type MaskStyles, maskFaces, paddedBox } from '../photo/mask';
import { maskGif } from '../photo/gif-mask';
import { renamedFor } from '../photo/file-name';
import { MOTION_VIDEO, stripMetadata } from '../photo/strip';
import { fileBytes } from '../photo/bytes';
import type { PhotoCheck } from './photo-check';
import { detailsUnread } from './policy';
import { withinTime } from '../models/within-time';

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
  /** Pixelated faces the detector still found, filled instead. */
  filledInstead: number;
  stripped: number;
  /** Photos whose motion-photo video alone was removed. */
  videosRemoved: number;
  /** Names of photos that could not be masked and were held back. */
  failed: string[];
}

/**
 * The faces the detector finds in a file the guard made, looking only where it changed (`within`,
 * the masks as drawn): the rest was looked at already. null when it could not look.
 */
export type Recheck = (file: File, within: Rect[]) => Promise<Rect[] | null>;

/**
 * The longest a photo's redrawing may take (a 50 MP photo's takes a few seconds): a decode or
 * encode that never ends fails that photo, which is then held back with a notice, like any photo
 * that could not be masked, instead of holding the post for ever.
 */
export const MASK_TIMEOUT_MS = 60_000;

async function redrawn(photo: Blob, faces: Rect[], styles: MaskStyles): Promise<Blob> {
  const drawn = await withinTime(() => maskFaces(photo, faces, styles), MASK_TIMEOUT_MS);
  if (drawn === 'timeout') throw new Error('masking took too long');
  return drawn;
}

const withBytes = (original: File, content: Blob) =>
  new File([content], original.name, { type: original.type, lastModified: original.lastModified });

/**
 * A redrawn photo: its type and name say what it now is when the browser could not write the
 * original's format (it gives PNG) or not even read it (a HEIC, drawn from the extension's JPEG).
 */
const redrawnFile = (original: File, drawn: Blob) =>
  drawn.type === original.type
    ? withBytes(original, drawn)
    : new File([drawn], renamedFor(original.name, drawn.type), { type: drawn.type, lastModified: original.lastModified });

/** The photo redrawn from what this page can draw of it, `faces` masked (none: only its metadata goes). */
const redrawnPhoto = async (check: PhotoCheck, faces: Rect[], styles: MaskStyles) =>
  redrawnFile(check.file, await redrawn((await check.standIn?.photo) ?? check.file, faces, styles));

/** The photo with the faces drawn over, each in its style: a GIF by the extension, else by the browser. */
async function drawMasks(check: PhotoCheck, faces: Rect[], styles: MaskStyles): Promise<File> {
  if (check.metadata?.format === 'gif') {
    // Browsers cannot write GIF: the extension does, every frame masked, an animation kept one.
    try {
      return withBytes(check.file, new Blob([maskGif(await fileBytes(check.file), faces, styles)]));
    } catch (error) {
      // A GIF whose frames were all read cannot become a still; one the browser alone decoded may.
      if (check.frames) throw error;
    }
  }
  return redrawnPhoto(check, faces, styles);
}

const centreWithin = (face: Rect, box: Rect) =>
  Math.abs(face.x + face.width / 2 - (box.x + box.width / 2)) <= box.width / 2 &&
  Math.abs(face.y + face.height / 2 - (box.y + box.height / 2)) <= box.height / 2;

/** Per pixelated face, whether a face found in the masked photo (null: not looked for) lies in its mask. */
export const stillFound = (masks: Rect[], found: Rect[] | null, width: number, height: number): boolean[] =>
  masks.map((mask) => !found || found.some((face) => centreWithin(face, paddedBox(mask, width, height, 'pixelate'))));

/**
 * Random blocks can still look like a face where a head used to be: the detector found about 1 in
 * 200 pixelated faces of the WIDER dev photos again (see PIXEL_PADDING; none filled). So a
 * pixelated photo is checked again, and a face still found there — or every face, when the check
 * cannot run — is filled instead.
 */
async function masked(check: PhotoCheck, faces: Rect[], style: MaskStyle, recheck: Recheck): Promise<{ file: File; filledInstead: number }> {
  const file = await drawMasks(check, faces, style);
  if (style === 'fill') return { file, filledInstead: 0 };
  const found = await recheck(file, faces.map((face) => paddedBox(face, check.width, check.height, 'pixelate')));
  const still = stillFound(faces, found, check.width, check.height);
  const filledInstead = still.filter(Boolean).length;
  if (!filledInstead) return { file, filledInstead };
  return { file: await drawMasks(check, faces, still.map((fill) => (fill ? 'fill' : style))), filledInstead };
}

interface Protected {
  file: File;
  masked: number;
  filledInstead: number;
  stripped: boolean | 'video';
}

/**
 * The file the site receives for one photo. Masking redraws the pixels, which drops all metadata;
 * stripping alone is lossless, but for details that could not be read, which go by redrawing.
 * Throws when masking fails: posting the photo unmasked instead would publish what the user chose
 * to hide.
 */
async function protectPhoto(check: PhotoCheck, choice: Protection, recheck: Recheck): Promise<Protected> {
  const faces = (check.faces ?? []).filter((_, i) => choice.faces[i] !== false);
  if (choice.mask && faces.length) {
    const { file, filledInstead } = await masked(check, faces, choice.style, recheck);
    return { file, masked: faces.length, filledInstead, stripped: !!check.metadata?.findings.length };
  }
  const { metadata } = check;
  const asked = metadata ? metadata.findings.some((f) => choice.strip === true || f.kind === 'video') : choice.strip === true && detailsUnread(check);
  if (choice.strip && asked) {
    const bytes = await fileBytes(check.file);
    const removed = choice.strip === 'video' ? MOTION_VIDEO : undefined;
    let file: File;
    try {
      file = withBytes(check.file, new Blob([stripMetadata(bytes, metadata?.orientation, removed)]));
    } catch {
      // A container that cannot be walked (details that could not be read) or rewritten (a TIFF
      // whose EXIF directory is damaged): redrawn instead where the browser can, which drops the
      // metadata too, rather than posted with it.
      file = await redrawnPhoto(check, [], choice.style);
    }
    return { file, masked: 0, filledInstead: 0, stripped: choice.strip };
  }
  return { file: check.file, masked: 0, filledInstead: 0, stripped: false };
}

export async function protectAll(
  checks: PhotoCheck[],
  choiceOf: (check: PhotoCheck, index: number) => Protection,
  recheck: Recheck,
): Promise<Outcome> {
  const outcome: Outcome = { files: new Map(), maskedFaces: 0, filledInstead: 0, stripped: 0, videosRemoved: 0, failed: [] };
  await Promise.all(
    checks.map(async (check, i) => {
      try {
        const { file, masked, filledInstead, stripped } = await protectPhoto(check, choiceOf(check, i), recheck);
        outcome.files.set(check.file, file);
        outcome.maskedFaces += masked;
        outcome.filledInstead += filledInstead;
        outcome.stripped += stripped === true ? 1 : 0;
        outcome.videosRemoved += stripped === 'video' ? 1 : 0;
      } catch {
        outcome.failed.push(check.file.name);
      }
    }),
  );
  return outcome;
}
