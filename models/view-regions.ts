import type { AnalysisOptions } from './analysis-options';
import { MODEL_INPUT_SIDE, type ViewOptions } from './view-options';
import type { Rect } from './boxes';
import type { Candidate } from './merge';
import { planTiles } from './tiling';

// Where each view of an analysis looks: its tiles, and the faces and squares it is asked about.

export function regions(image: { width: number; height: number }, view: ViewOptions, options: AnalysisOptions): Rect[] {
  // Half the model's input: a finer tile is enlarged more than twice, to no face that matters (a
  // quarter for a view meant to enlarge: beyond four times, pixels only grow).
  const minSide = MODEL_INPUT_SIDE[view.model] / (view.enlarged ? 4 : 2);
  const tiles = planTiles(image.width, image.height, { grids: view.grids, overlap: options.overlap, minSide });
  return view.whole ? tiles : tiles.slice(1);
}

/** Where a view confirms (`confirmOnly`, `confirmGrids`): its tiles that hold an undecided face's centre, or a square `around` each. */
export function confirmRegions(image: { width: number; height: number }, view: ViewOptions, options: AnalysisOptions, undecided: Rect[]): Rect[] {
  if (!view.around) return regions(image, view, options).filter((tile) => undecided.some((face) => holdsCentre(tile, face)));
  const { times } = view.around;
  return closeUp(image, view, undecided).map((face) => {
    const side = Math.round(Math.min(Math.max(face.width, face.height) * times, image.width, image.height));
    const at = (centre: number, room: number) => Math.round(Math.min(Math.max(0, centre - side / 2), room - side));
    return { x: at(face.x + face.width / 2, image.width), y: at(face.y + face.height / 2, image.height), width: side, height: side };
  });
}

/** How much smaller the whole image is at the model's input side. */
const wholeScale = (image: { width: number; height: number }, view: ViewOptions) => Math.min(1, MODEL_INPUT_SIDE[view.model] / Math.max(image.width, image.height));

/** The undecided faces a view `around` them looks at: those it saw too small over the whole image. */
export function closeUp(image: { width: number; height: number }, view: ViewOptions, undecided: Rect[]): Rect[] {
  if (!view.around) return [];
  const { under } = view.around;
  return undecided.filter((face) => Math.max(face.width, face.height) * wholeScale(image, view) < under);
}

/** The faces among `undecided` large enough for `view` to be asked about (see `ViewOptions.fromSide`). */
export const largeIn = (image: { width: number; height: number }, view: ViewOptions, undecided: Rect[]): Rect[] =>
  undecided.filter((face) => Math.max(face.width, face.height) * wholeScale(image, view) >= (view.fromSide ?? 0));

/** `view` with its input side reduced to what the smallest of `faces` needs (see `ViewOptions.shownAt`). */
export function shownFor(image: { width: number; height: number }, view: ViewOptions, faces: Rect[], options: AnalysisOptions): ViewOptions {
  if (!view.shownAt || !faces.length) return view;
  const smallest = Math.min(...faces.map((face) => Math.max(face.width, face.height)));
  const needed = (view.shownAt * Math.max(image.width, image.height)) / smallest;
  return { ...view, inputSide: Math.round(Math.min(view.inputSide ?? options.inputSide, Math.max(256, needed))) };
}

/**
 * The tiles holding the centre of a candidate scoring at least `hintScore`. Overlapping by a
 * quarter, one of them holds the face whole whenever it is under a quarter of their side, which is
 * what a finer level is for (a larger face, coarser tiles saw whole); the other tiles it reaches
 * into show a sliver of it, where no model finds a face: on the WIDER photos, looking only where
 * the centre lies found the same faces with 31 % fewer short-range tiles, in 13 % less time.
 */
export function hinted(tiles: Rect[], seen: Candidate[], hintScore: number): Rect[] {
  const hints = seen.filter((candidate) => candidate.score >= hintScore);
  return tiles.filter((tile) => hints.some((hint) => holdsCentre(tile, hint)));
}

/** The views, without their finest grid levels while the first pass would exceed `maxJobs`. */
export function withinBudget(image: { width: number; height: number }, options: AnalysisOptions): ViewOptions[] {
  let views = options.views;
  const firstPass = () => views.filter((v) => !v.confirmOnly).reduce((sum, v) => sum + regions(image, v, options).length, 0);
  while (firstPass() > options.maxJobs) {
    const finest = Math.max(...views.flatMap((v) => v.grids));
    if (finest === -Infinity) break;
    views = views.map((v) => ({ ...v, grids: v.grids.filter((n) => n < finest) }));
  }
  return views;
}

function holdsCentre(tile: Rect, face: Rect): boolean {
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height / 2;
  return cx >= tile.x && cx < tile.x + tile.width && cy >= tile.y && cy < tile.y + tile.height;
}
