import { isGif } from '../photo/gif';
import { readGif, type Rgba, shownFrames } from '../photo/gif-frames';
import { type AnalysisOptions, MAX_CHECKED_FRAMES } from './analysis-options';
import { type Box, iou, overlapsAny, type Rect } from './boxes';
import { analyseBitmap, type DetectionEngine, type FaceAnalysis } from './face-analyser';
import { DEFAULT_MERGE } from './merge';
import { greyAt } from './texture';

const MAX_CANVAS_PIXELS = 4096 * 4096;
/** Columns of the grey grid a frame is compared by, and how far apart (0–255) two cells may be in a repeat. */
const PRINT_COLUMNS = 96;
const PRINT_TOLERANCE = 12;

/** The fingerprint's grid over a width × height frame: cells about square. */
function grid(width: number, height: number): { columns: number; rows: number } {
  const columns = Math.min(PRINT_COLUMNS, width);
  return { columns, rows: Math.max(1, Math.round((height * columns) / width)) };
}

/**
 * A frame as a small grid of mean grey levels: cheap to compare, blind to dithering noise, yet a
 * face a few pixels wide that moves changes several cells.
 */
function fingerprint({ width, height, data }: Rgba): Float32Array {
  const { columns, rows } = grid(width, height);
  const sums = new Float32Array(columns * rows);
  for (let y = 0; y < height; y++) {
    const row = Math.floor((y * rows) / height) * columns;
    for (let x = 0; x < width; x++) {
      const at = 4 * (y * width + x);
      sums[row + Math.floor((x * columns) / width)]! += (greyAt(data, at) * data[at + 3]!) / 255;
    }
  }
  const perCell = (width * height) / (columns * rows);
  return sums.map((sum) => sum / perCell);
}

/** The frame's pixels under the cells of its grid that moved since `before` (same grid). */
function changedCells(print: Float32Array, before: Float32Array, { width, height }: Rgba): Rect[] {
  const { columns, rows } = grid(width, height);
  const cells: Rect[] = [];
  print.forEach((cell, i) => {
    if (Math.abs(cell - before[i]!) <= PRINT_TOLERANCE) return;
    const [column, row] = [i % columns, Math.floor(i / columns)];
    const [x, y] = [Math.floor((column * width) / columns), Math.floor((row * height) / rows)];
    cells.push({ x, y, width: Math.ceil(((column + 1) * width) / columns) - x, height: Math.ceil(((row + 1) * height) / rows) - y });
  });
  return cells;
}

/** Whether a frame shows nothing another one did not: a held pose, a boomerang's way back. */
const repeats = (print: Float32Array, seen: Float32Array[]) =>
  seen.some((other) => other.every((cell, i) => Math.abs(cell - print[i]!) <= PRINT_TOLERANCE));

/** `count` frame numbers spread evenly from the first frame to the last. */
export function framesToCheck(total: number, count = MAX_CHECKED_FRAMES): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * (total - 1)) / (count - 1))))];
}

/**
 * The faces of an animated GIF in any of the frames looked at. Browsers decode only a GIF's first
 * frame, so its frames are read here; a frame that repeats one already analysed is not analysed
 * again, and in the others only the regions that moved since the last one analysed are. One face
 * seen in several frames is one box covering where it was in all of them, so that masking it in
 * every frame hides it as it moves. null when the image is not an animated GIF, or its frames
 * cannot be read (the first frame is then all there is).
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
  const analysed: Float32Array[] = [];
  let last: Float32Array | undefined;
  const frames = shownFrames(gif, wanted);
  for (;;) {
    let next;
    try {
      next = frames.next();
    } catch {
      return null; // a damaged frame: what the browser makes of the file is all there is
    }
    if (next.done) break;
    const print = fingerprint(next.value);
    if (repeats(print, analysed)) continue;
    // What did not move since the last frame analysed was seen there: only the rest is looked at.
    const moved = last && changedCells(print, last, next.value);
    analysed.push(print);
    last = print;
    const where = moved && overlapsAny(moved);
    const bitmap = await createImageBitmap(new ImageData(next.value.data, next.value.width, next.value.height));
    found.push(...(await analyseBitmap(engine, bitmap, options, where)).faces);
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
