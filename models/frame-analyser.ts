import { isGif } from '../photo/gif';
import { readGif, shownFrames } from '../photo/gif-frames';
import { type AnalysisOptions, MAX_CHECKED_FRAMES } from './analysis-options';
import { type Box, iou } from './boxes';
import { analyseBitmap, type DetectionEngine, type FaceAnalysis } from './face-analyser';
import { DEFAULT_MERGE } from './merge';

const MAX_CANVAS_PIXELS = 4096 * 4096;

/** `count` frame numbers spread evenly from the first frame to the last. */
export function framesToCheck(total: number, count = MAX_CHECKED_FRAMES): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * (total - 1)) / (count - 1))))];
}

/**
 * The faces of an animated GIF in any of the frames looked at. Browsers decode only a GIF's first
 * frame, so its frames are read here. One face seen in several frames is one box covering where
 * it was in all of them, so that masking it in every frame hides it as it moves. null when the
 * image is not an animated GIF, or its frames cannot be read (the first frame is then all there is).
 */
export async function analyseAnimation(engine: DetectionEngine, bytes: Uint8Array, options: AnalysisOptions): Promise<FaceAnalysis | null> {
  if (!isGif(bytes)) return null;
  let gif;
  try {
    gif = readGif(bytes);
  } catch {
    return null;
  }
  // A frame as shown is a full RGBA canvas: past this, the browser's first frame must do.
  if (gif.frames.length < 2 || gif.width * gif.height > MAX_CANVAS_PIXELS) return null;
  const wanted = framesToCheck(gif.frames.length);
  const found: Box[] = [];
  const frames = shownFrames(gif, wanted);
  for (;;) {
    let next;
    try {
      next = frames.next();
    } catch {
      return null; // a damaged frame: what the browser makes of the file is all there is
    }
    if (next.done) break;
    const bitmap = await createImageBitmap(new ImageData(next.value.data, next.value.width, next.value.height));
    found.push(...(await analyseBitmap(engine, bitmap, options)).faces);
  }
  return { width: gif.width, height: gif.height, faces: unionOfFrames(found), frames: { checked: wanted.length, total: gif.frames.length } };
}

/** Boxes of one face in several frames (overlapping as one face's boxes do) merged into the box holding them all. */
function unionOfFrames(boxes: Box[]): Box[] {
  const faces: Box[] = [];
  for (const box of [...boxes].sort((a, b) => b.score - a.score)) {
    const same = faces.find((face) => iou(face, box) > DEFAULT_MERGE.iouThreshold);
    if (!same) {
      faces.push({ ...box });
      continue;
    }
    const right = Math.max(same.x + same.width, box.x + box.width);
    const bottom = Math.max(same.y + same.height, box.y + box.height);
    same.x = Math.min(same.x, box.x);
    same.y = Math.min(same.y, box.y);
    same.width = right - same.x;
    same.height = bottom - same.y;
  }
  return faces;
}
