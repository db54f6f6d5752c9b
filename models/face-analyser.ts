import { decodeUpright, drawnAt } from '../photo/upright-decode';
import { type AnalysisOptions, DEFAULT_ANALYSIS } from './analysis-options';
import type { ViewOptions } from './view-options';
import { type Box, iou, type Rect, scaled } from './boxes';
import type { ImageSession } from './detector-pool';
import { accepted, type Candidate, clusterDetections } from './merge';
import type { TileJob } from './tile-job';
import { textureOf } from './texture';
import { stretchTones } from './tones';
import { workingScale } from './tiling';
import { closeUp, confirmRegions, hinted, largeIn, regions, shownFor, withinBudget } from './view-regions';

/** Faces of one image, in pixels of the image as a viewer displays it (EXIF orientation applied). */
export interface FaceAnalysis {
  width: number;
  height: number;
  faces: Box[];
  /** An animation read frame by frame: how many of its frames were looked at. */
  frames?: { checked: number; total: number };
}

/** Where the detection passes run: the worker pool, which takes over the image it is given. */
export interface DetectionEngine {
  open(image: ImageBitmap): ImageSession;
}

/**
 * The engine, refusing every round once the signal has aborted: an analysis nobody waits for any
 * more (the user cancelled, the guard gave up) stops at its next round instead of running on.
 */
export const untilAborted = (engine: DetectionEngine, signal: AbortSignal): DetectionEngine => ({
  open(image) {
    const session = engine.open(image);
    return {
      detect: async (jobs) => {
        signal.throwIfAborted();
        return session.detect(jobs);
      },
      release: () => session.release(),
    };
  },
});

/** Throws when the browser cannot decode the image. `where`: see `analyseBitmap`. */
export async function analyseFaces(engine: DetectionEngine, image: Blob, options: AnalysisOptions = DEFAULT_ANALYSIS, where?: (region: Rect) => boolean): Promise<FaceAnalysis> {
  const { bitmap, width, height } = await decodeUpright(image, (w, h) => workingScale(w, h, options.workingSide));
  return analyseBitmap(engine, bitmap, options, where, { width, height });
}

/**
 * The faces of a decoded image, which this takes over (and closes). With `where`, only the regions
 * it accepts (in the image's pixels) are looked at: the rest is known already. `shown` is the size
 * the image is displayed at, when it was decoded smaller; faces are given in its pixels.
 */
export async function analyseBitmap(
  engine: DetectionEngine,
  decoded: ImageBitmap,
  options: AnalysisOptions = DEFAULT_ANALYSIS,
  where?: (region: Rect) => boolean,
  shown: { width: number; height: number } = decoded,
): Promise<FaceAnalysis> {
  const { width, height } = shown;
  const scale = workingScale(width, height, options.workingSide);
  const canvas = drawnAt(decoded, Math.round(width * scale), Math.round(height * scale));
  // Measured before the tones are stretched: what is flat in the file (a sky's JPEG noise) is flat.
  const texture = options.minTexture ? textureOf(canvas) : null;
  stretchTones(canvas, options.minToneRange);
  const working = canvas.transferToImageBitmap();
  decoded.close();
  const size = { width: working.width, height: working.height };
  const session = engine.open(working);
  try {
    const wanted = (tile: Rect) =>
      (!where || where({ x: tile.x / scale, y: tile.y / scale, width: tile.width / scale, height: tile.height / scale })) &&
      (!texture || (tile.width === size.width && tile.height === size.height) || texture(tile) >= options.minTexture);
    const candidates = await detectInRounds((jobs) => session.detect(jobs), size, options, wanted);
    const faces = clusterDetections(candidates, options.merge)
      .filter((cluster) => accepted(cluster, options.vote))
      .map(({ x, y, width: w, height: h, score }) => scaled({ x, y, width: w, height: h, score }, 1 / scale));
    return { width, height, faces };
  } finally {
    session.release();
  }
}

/**
 * The candidates the vote counts, asked of `detect` round by round, each round's jobs chosen from
 * what the earlier ones saw; only tiles `wanted` accepts are looked at in the first two.
 */
export async function detectInRounds(
  detect: (jobs: TileJob[]) => Promise<Candidate[]>,
  size: { width: number; height: number },
  options: AnalysisOptions,
  wanted: (tile: Rect) => boolean,
): Promise<Candidate[]> {
  const views = withinBudget(size, options).map((view, index) => ({ view, index }));
  const jobsOf = (view: ViewOptions, index: number, regions: Rect[]): TileJob[] =>
    regions.map((region) => ({ region, model: view.model, mirrored: view.mirrored, ...(view.upsideDown && { upsideDown: true }), inputSide: view.inputSide ?? options.inputSide, ...(view.enlarged && { enlarged: true }), view: index }));

  const first = views
    .filter(({ view }) => !view.confirmOnly && !view.guided)
    .flatMap(({ view, index }) => jobsOf(view, index, regions(size, { ...view, grids: view.grids.filter((n) => !view.confirmGrids?.includes(n)) }, options).filter(wanted)));
  const seen = await detect(first);
  const guided = views
    .filter(({ view }) => view.guided)
    .flatMap(({ view, index }) => jobsOf(view, index, hinted(regions(size, view, options).filter(wanted), seen.filter((c) => sameWayUp(views[c.view]?.view, view)), options.hintScore, options.lookAt)));
  // A second opinion on the whole photo (FaceBoxes') is the same whenever it is asked: when faces
  // are undecided already, it is asked alongside the guided round instead of after it, and counts,
  // as before, only if faces are still undecided then. If none is, the analysis ends without
  // waiting for its long pass (it ends in the worker on its own; a failure of it matters only then).
  // A traced view (the mirrored photo upside down) is cheap, and asked only about the faces still
  // undecided last: not early.
  const undecidedFirst = guided.length ? undecidedIn(seen, options) : [];
  const early = views.filter(({ view }) => view.confirmOnly && view.whole && !view.grids.length && !view.traced && largeIn(size, view, askedOf(undecidedFirst, cluesFor(view, keep(seen, options), seen, views), options)).length);
  const earlyViews = new Set(early.map(({ index }) => index));
  const earlyJobs = early.flatMap(({ view, index }) => jobsOf(view, index, regions(size, view, options)));
  const secondOpinion = earlyJobs.length ? detect(earlyJobs) : Promise.resolve([]);
  secondOpinion.catch(() => undefined);
  if (guided.length) seen.push(...(await detect(guided)));
  const candidates = keep(seen, options);
  const undecided = undecidedIn(candidates, options);
  if (!undecided.length) return candidates;
  candidates.push(...keep(await secondOpinion, options));
  const confirming = views.flatMap(({ view, index }) => {
    if (view.confirmOnly) return earlyViews.has(index) ? [] : [{ view, index }];
    // Only the levels the budget kept (see `withinBudget`): a long screenshot's finest go first.
    const grids = view.confirmGrids?.filter((n) => view.grids.includes(n)) ?? [];
    return grids.length ? [{ view: { ...view, whole: false, grids }, index }] : [];
  });
  // A close look answers only about the face it was centred on: the other faces in its square
  // are seen enlarged, off-centre and often cut by its edge.
  const lookedAt = new Map<number, Rect[]>();
  const second = confirming.flatMap(({ view, index }) => {
    const clues = cluesFor(view, candidates, seen, views);
    const asked = askedOf(undecided, clues, options);
    if (view.around) lookedAt.set(index, closeUp(size, view, asked));
    const faces = largeIn(size, view, asked);
    const tiles = confirmRegions(size, view, options, faces);
    return jobsOf(shownFor(size, view, faces, options), index, view.traced ? tracedTiles(view, tiles, faces, clues, first, views, options) : tiles);
  });
  const aboutUndecided = (candidate: Candidate) =>
    lookedAt.get(candidate.view)?.some((face) => iou(face, candidate) > options.merge.iouThreshold) ?? true;
  if (second.length) candidates.push(...keep(await detect(second), options).filter(aboutUndecided));
  return candidates;
}

const keep = (candidates: Candidate[], options: AnalysisOptions) =>
  candidates.filter((c) => c.score >= Math.max(options.minCandidateScore, options.views[c.view]?.minScore ?? 0));

/**
 * What `view` is asked about faces by: the candidates of views seeing the photo the same way up
 * (a face seen only upside down is no question for an upright view, which cannot see it); for a
 * traced view, what its model saw unmirrored, the same way up, at the least score each of those
 * views counts (see `ViewOptions.traced`). `counted`: the candidates kept so far.
 */
const cluesFor = (view: ViewOptions, counted: Candidate[], seen: Candidate[], views: Array<{ view: ViewOptions }>): Candidate[] =>
  view.traced
    ? seen.filter((c) => {
        const by = views[c.view]?.view;
        return tracing(view, by) && c.score >= (by.minScore ?? 0);
      })
    : counted.filter((c) => sameWayUp(views[c.view]?.view, view));

/** The faces among `undecided` a view is asked about: those its clues (see `cluesFor`) lie on. */
const askedOf = (undecided: Rect[], clues: Candidate[], options: AnalysisOptions): Rect[] =>
  undecided.filter((face) => clues.some((clue) => iou(clue, face) > options.merge.iouThreshold));

/** The views a traced `view` follows: its model's, unmirrored, the same way up (see `ViewOptions.traced`). */
const tracing = (view: ViewOptions, by: ViewOptions | undefined): by is ViewOptions => by?.model === view.model && !by.mirrored && sameWayUp(by, view);

/**
 * A traced view's tiles: one its model was shown unmirrored in the first round only if it saw
 * something there of a face asked about (mirrored, the tile shows the same face, and what the
 * model saw nothing of one way it does not see the other: on the dev photos, normal and in poor
 * light, the same faces with 2–7 % less time); a tile not shown to it yet (the 3×3, confirming
 * alongside) wherever it saw something of the face at all. `traces`: its clues (see `cluesFor`).
 */
function tracedTiles(view: ViewOptions, tiles: Rect[], faces: Rect[], traces: Candidate[], first: TileJob[], views: Array<{ view: ViewOptions }>, options: AnalysisOptions): Rect[] {
  const shownFirst = first.filter((job) => tracing(view, views[job.view]?.view)).map((job) => job.region);
  const onFaces = traces.filter((c) => faces.some((face) => iou(c, face) > options.merge.iouThreshold));
  return tiles.filter((tile) => !shownFirst.some((region) => sameRect(region, tile)) || onFaces.some((c) => c.seenIn && sameRect(c.seenIn, tile)));
}

const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** Upright models see faces only one way up: a view's hints and traces come from views that see the photo as it does. */
const sameWayUp = (a: ViewOptions | undefined, b: ViewOptions) => (a?.upsideDown ?? false) === (b.upsideDown ?? false);

/** The faces among `seen` that the vote does not keep (yet). */
const undecidedIn = (seen: Candidate[], options: AnalysisOptions) =>
  clusterDetections(keep(seen, options), options.merge).filter((face) => !accepted(face, options.vote));
