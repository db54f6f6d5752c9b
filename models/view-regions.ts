import type { AnalysisOptions, TilesShowing } from './analysis-options';
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

/** Where a view confirms (`confirmOnly`, `confirmGrids`): its tiles showing an undecided face (see `tilesShowing`), or a square `around` each. */
export function confirmRegions(image: { width: number; height: number }, view: ViewOptions, options: AnalysisOptions, undecided: Rect[]): Rect[] {
  if (!view.around) return tilesShowing(regions(image, view, options), undecided, options.lookAt);
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

/** The tiles showing a candidate scoring at least `hintScore` (see `tilesShowing`). */
export const hinted = (tiles: Rect[], seen: Candidate[], hintScore: number, lookAt: TilesShowing): Rect[] =>
  tilesShowing(tiles, seen.filter((candidate) => candidate.score >= hintScore), lookAt);

/**
 * The tiles a model is shown a face (or a hint of one) in. At each grid level (its tiles share
 * one size), with `whole`: those holding the face whole, or where none does (a face larger than
 * a quarter of a tile, whole in a coarser level), the one whose middle it lies nearest, which
 * cuts it least; with `centre`: every tile holding its centre. A tile that cuts a face shows part
 * of it, which the models seldom take for a face; a small face held whole by two overlapping
 * tiles is looked at in both, each a second look at it (see docs/face-finding.md). A tile the face only
 * reaches into is never looked at: it shows a sliver of it.
 */
export function tilesShowing(tiles: Rect[], faces: Rect[], lookAt: TilesShowing): Rect[] {
  const chosen = new Set<Rect>();
  for (const face of faces) {
    const [cx, cy] = [face.x + face.width / 2, face.y + face.height / 2];
    const nearest = new Map<number, { tile: Rect; distance: number }>();
    for (const tile of tiles) {
      if (cx < tile.x || cx >= tile.x + tile.width || cy < tile.y || cy >= tile.y + tile.height) continue;
      if (lookAt === 'centre' || holdsWhole(tile, face)) chosen.add(tile);
      const distance = Math.hypot(tile.x + tile.width / 2 - cx, tile.y + tile.height / 2 - cy);
      const best = nearest.get(tile.width);
      if (!best || distance < best.distance) nearest.set(tile.width, { tile, distance });
    }
    // The nearest holds the face whole if any tile of its level does: then it is among them already.
    for (const { tile } of nearest.values()) chosen.add(tile);
  }
  return tiles.filter((tile) => chosen.has(tile));
}

const holdsWhole = (tile: Rect, face: Rect) =>
  tile.x <= face.x && tile.y <= face.y && tile.x + tile.width >= face.x + face.width && tile.y + tile.height >= face.y + face.height;

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
