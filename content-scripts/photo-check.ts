import { DEFAULT_ANALYSIS, type Sensitivity } from '../models/analysis-options';
import { type Box, type Rect, scaled } from '../models/boxes';
import type { FaceAnalysis } from '../models/face-analyser';
import { workingScale } from '../models/tiling';
import { type PhotoMetadata, readMetadata } from '../photo/metadata';
import { readContainer } from '../photo/segments';
import { analyseImage, carrierOf, type DetectorPort, type StandIn } from './detector-port';
import type { FaceMemory, Remembered } from './face-memory';
import { fileBytes } from '../photo/bytes';
import { uprightCopy } from './upright-copy';
import { withinTime } from '../models/within-time';

/** What the guard knows about one picked photo. */
export interface PhotoCheck {
  file: File;
  width: number;
  height: number;
  /** null when the photo could not be decoded: its faces are unknown. */
  faces: Box[] | null;
  /** null when its container could not be read: nothing will be rewritten. */
  metadata: PhotoMetadata | null;
  /** An animation whose frames the detector read (a GIF): how many it looked at. */
  frames?: FaceAnalysis['frames'];
  /** The detector did not answer in time (see `CHECK_TIMEOUT_MS`): its faces are unknown. */
  timedOut?: true;
  /**
   * The photo as this page can draw it, when it cannot draw `file`: a HEIC decoded by the
   * extension. Its thumbnail is shown and its masks drawn on its JPEG; stripping keeps `file`'s.
   */
  standIn?: StandIn;
}

/**
 * The longest wait for the detector's answer on one photo. A cold start with a large photo or a
 * long animation takes seconds on a slow machine; a detector that never answers (a stalled worker)
 * must not hold this post back forever, nor every later one on the tab, which wait their turn.
 */
export const CHECK_TIMEOUT_MS = 60_000;

/** How the detector is asked about one photo, and how long it is waited for. */
interface Asking {
  detector: DetectorPort;
  sensitivity: Sensitivity;
  timeoutMs: number;
  signal: AbortSignal;
  /** See AnalysisRequest, in the photo's displayed pixels. */
  within?: Rect[];
}

/** Faces in pixels of the photo as displayed; null when it could not be decoded, 'timeout' when no answer came in time. */
async function findFaces(file: File, bytes: Uint8Array, asking: Asking): Promise<Remembered | null | 'timeout'> {
  const ask = async (image: File, within = asking.within): Promise<Remembered | null | 'timeout'> => {
    const answer = (late: AbortSignal) => analyseImage(asking.detector, image, image.name, asking.sensitivity, late, within);
    const result = await withinTime(answer, asking.timeoutMs, asking.signal);
    if (result === 'timeout' || !result.ok) return result === 'timeout' ? result : null;
    return result.standIn ? { ...result.analysis, standIn: result.standIn } : result.analysis;
  };
  const { copiesAbove, sendsUpTo } = carrierOf(asking.detector);
  const tooLarge = file.size > sendsUpTo;
  const worthCopying = tooLarge || (file.size > copiesAbove && isStill(bytes));
  // The browser's decoder and encoder make it, and could stall as the detector could: it is given
  // as long, and a copy not made by then leaves the photo unchecked, not the post held for ever.
  const copying = () => uprightCopy(file, (w, h) => workingScale(w, h, DEFAULT_ANALYSIS.workingSide), 0.95);
  const copy = worthCopying ? await withinTime(copying, asking.timeoutMs, asking.signal) : null;
  if (copy === 'timeout') return copy;
  if (!copy || (!tooLarge && copy.blob.size >= file.size)) return tooLarge ? null : ask(file);
  const sent = new File([copy.blob], file.name, { type: copy.blob.type });
  const copyScale = workingScale(copy.width, copy.height, DEFAULT_ANALYSIS.workingSide);
  const found = await ask(sent, asking.within?.map((region) => scaled(region, copyScale)));
  if (!found || found === 'timeout') return found;
  const faces = found.faces.map((face) => scaled(face, copy.width / found.width));
  return { width: copy.width, height: copy.height, faces };
}

/**
 * A JPEG, PNG or WebP of one frame, which a still copy stands for. An animation's frames are the
 * detector's to read; a photo this page cannot decode (HEIC in Chrome) may still be its to decode.
 */
function isStill(bytes: Uint8Array): boolean {
  try {
    const { format, animated } = readContainer(bytes);
    return !animated && (format === 'jpeg' || format === 'png' || format === 'webp');
  } catch {
    return false;
  }
}

/**
 * What the file itself says: its metadata, read in milliseconds without decoding it. null when it
 * cannot be read or its container walked.
 */
export const fileMetadata = async (file: File): Promise<PhotoCheck['metadata']> => (await fileRead(file)).metadata;

/** A file's bytes (null when it cannot be read) and what they say (see fileMetadata). */
export async function fileRead(file: File): Promise<{ bytes: Uint8Array | null; metadata: PhotoCheck['metadata'] }> {
  const bytes = await fileBytes(file).catch(() => null);
  return { bytes, metadata: bytes && (await readMetadata(bytes).catch(() => null)) };
}

/**
 * A file that cannot even be read (gone or changed since it was picked) is a photo nothing is
 * known about, like one that cannot be decoded: the user is told, and it is theirs to post.
 * With `memory`, a whole photo already checked at this sensitivity is not analysed again. `bytes`:
 * the file's, when they were read already (null: it could not be).
 */
export async function checkPhoto(
  file: File,
  metadata: PhotoCheck['metadata'],
  detector: DetectorPort,
  sensitivity: Sensitivity,
  signal: AbortSignal,
  { timeoutMs = CHECK_TIMEOUT_MS, within, memory, bytes }: { timeoutMs?: number; within?: Rect[]; memory?: FaceMemory; bytes?: Uint8Array | null } = {},
): Promise<PhotoCheck> {
  const original = bytes !== undefined ? bytes : await fileBytes(file).catch(() => null);
  const asking = { detector, sensitivity, timeoutMs, signal, ...(within && { within }) };
  const timedOut: PhotoCheck = { file, metadata, faces: null, width: 0, height: 0, timedOut: true };
  const key = original && memory && !within ? await memory.keyOf(original, sensitivity).catch(() => null) : null;
  const known = key ? memory?.recall(key) : undefined;
  const found: Remembered | null | 'timeout' = known ?? (original && (await findFaces(file, original, asking)));
  if (key && !known && found && found !== 'timeout') {
    // Remembered once its stand-in came: a photo whose stand-in failed is analysed again.
    if (found.standIn) void found.standIn.photo.then(() => memory?.keep(key, found), () => undefined);
    else memory?.keep(key, found);
  }
  if (found === 'timeout') return timedOut;
  if (!found) return { file, metadata, faces: null, width: 0, height: 0 };
  const { faces, width, height, frames, standIn } = found;
  return { file, metadata, faces, width, height, ...(frames && { frames }), ...(standIn && { standIn }) };
}
