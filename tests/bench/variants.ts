import { type AnalysisOptions, analysisFor, DEFAULT_ANALYSIS } from '../../models/analysis-options';
import { CLOSER_FACEBOXES, FACEBOXES_CLOSE_LOOK, MODEL_INPUT_SIDE, type ViewOptions } from '../../models/view-options';

export interface Variant {
  name: string;
  options: Partial<AnalysisOptions>;
  /** Detector workers (default: one per core, up to four). */
  workers?: number;
}

const full = (grids: number[], mirrored = false): ViewOptions => ({ model: 'fullRange', whole: true, grids, mirrored });
const short = (grids: number[]): ViewOptions => ({ model: 'shortRange', whole: false, grids, mirrored: false });
/** One view alone: a box is kept when that view scores it 0.5 or more (MediaPipe's default). */
const alone = { minCandidateScore: 0.5, vote: { minViews: 1, minScoreSum: 0.5 } };

const withShort = (grids: number[]): ViewOptions[] =>
  DEFAULT_ANALYSIS.views.map((view) => (view.model === 'shortRange' ? { ...view, grids } : view));

/** The pipeline the extension ships. */
export const CHOSEN: Variant = { name: 'shipped: full 1+2x2 and upside down, short 4x4+6x6 guided; where undecided: full 3x3, full mirrored, FaceBoxes whole + close; 2 agree', options: DEFAULT_ANALYSIS };

/** The shipped pipeline without the worker pool: what parallelism buys. */
export const ONE_WORKER: Variant = { ...CHOSEN, name: 'shipped, on one worker', workers: 1 };

/** What a tutorial does: one full-range pass over the full-resolution bitmap. */
export const NAIVE: Variant = {
  name: 'naive: full-range, one pass, full resolution',
  options: { ...alone, views: [full([])], workingSide: Infinity, inputSide: Infinity },
  workers: 1,
};

/** Tones left as they are however narrow (see the dimmed photos' table). */
export const UNSTRETCHED: Variant = { name: 'shipped without stretching narrow tones', options: { minToneRange: 0 } };

/** Faces looked for upright only: what the upside-down views find (see the turned photos' table). */
export const UPRIGHT_ONLY: Variant = {
  name: 'shipped without the whole photo upside down',
  options: { views: DEFAULT_ANALYSIS.views.filter((view) => !view.upsideDown) },
};

/** The options page's other two sensitivities (the shipped pipeline is "balanced"). */
export const SENSITIVITY_LEVELS: Variant[] = [
  { name: 'sensitivity "thorough" (options page)', options: analysisFor('thorough') },
  { name: 'sensitivity "fewer false alarms" (options page)', options: analysisFor('fewer-alarms') },
];

/** Alternatives measured beside the shipped pipeline, so the choice stays visible. */
export const ALTERNATIVES: Variant[] = [
  { name: "shipped without FaceBoxes' close look at undecided faces", options: { views: DEFAULT_ANALYSIS.views.filter((view) => view !== FACEBOXES_CLOSE_LOOK) } },
  { name: 'shipped without FaceBoxes (BlazeFace views only)', options: { views: DEFAULT_ANALYSIS.views.filter((view) => view.model !== 'faceBoxes') } },
  {
    name: `FaceBoxes alone, one pass at ${MODEL_INPUT_SIDE.faceBoxes} px`,
    options: { ...alone, views: DEFAULT_ANALYSIS.views.filter((view) => view.model === 'faceBoxes' && view.whole).map((view) => ({ ...view, confirmOnly: false })) },
  },
  { name: 'shipped + FaceBoxes closer (2x2 tiles enlarged, where undecided), as "thorough" does', options: { views: [...DEFAULT_ANALYSIS.views, CLOSER_FACEBOXES] } },
  { name: 'sensitivity "thorough" without FaceBoxes closer', options: { ...analysisFor('thorough'), views: DEFAULT_ANALYSIS.views } },
  { name: 'full-range, one pass, 1920 px copy', options: { ...alone, views: [full([])] } },
  { name: 'full-range 1+2x2+3x3', options: { ...alone, views: [full([2, 3])] } },
  { name: 'full-range 1+2x2+3x3+4x4', options: { ...alone, views: [full([2, 3, 4])] } },
  { name: 'short-range 4x4+6x6 alone', options: { ...alone, views: [short([4, 6])] } },
  { name: 'full 1+2x2+3x3 and its mirror, 2 agree', options: { views: [full([2, 3]), full([2, 3], true)] } },
  { name: 'full 1+2x2+3x3 and short 4x4+6x6, 2 agree', options: { views: [full([2, 3]), short([4, 6])] } },
  { name: 'shipped but short 3x3+5x5', options: { views: withShort([3, 5]) } },
  { name: 'shipped but short 3x3..6x6 (all four)', options: { views: withShort([3, 4, 5, 6]) } },
  { name: 'shipped with 15 % tile overlap', options: { overlap: 0.15 } },
  {
    name: 'shipped + full-range 4x4 (and its mirror)',
    options: {
      views: DEFAULT_ANALYSIS.views.map((view) => (view.model === 'fullRange' && !view.upsideDown ? { ...view, grids: [2, 3, 4], ...(view.confirmGrids && { confirmGrids: [3, 4] }) } : view)),
    },
  },
  { name: 'shipped + short-range 8x8', options: { views: withShort([4, 6, 8]) } },
  UPRIGHT_ONLY,
  {
    name: 'shipped, full-range 3x3 on every tile (not only to confirm undecided faces)',
    options: { views: DEFAULT_ANALYSIS.views.map(({ confirmGrids: _, ...view }) => view) },
  },
  {
    name: 'shipped without full-range 3x3 tiles (not even to confirm)',
    options: { views: DEFAULT_ANALYSIS.views.map((view) => (view.confirmGrids ? { ...view, grids: view.grids.filter((n) => !view.confirmGrids!.includes(n)), confirmGrids: [] } : view)) },
  },
  { name: 'shipped, flat tiles looked at too (no texture gate)', options: { minTexture: 0 } },
  {
    name: 'shipped, the mirrored view on every undecided face (also those full-range saw nothing of)',
    options: { views: DEFAULT_ANALYSIS.views.map((view) => (view.upsideDown ? view : { ...view, traced: false })) },
  },
  {
    name: "shipped, FaceBoxes' whole-photo pass at 1024 px, about every undecided face",
    options: { views: DEFAULT_ANALYSIS.views.map(({ fromSide: _, shownAt: __, ...view }) => view) },
  },
  {
    name: 'shipped, the upside-down views counting from 0.6 instead of 0.7',
    options: { views: DEFAULT_ANALYSIS.views.map((view) => (view.upsideDown ? { ...view, minScore: 0.6 } : view)) },
  },
  {
    name: 'shipped, faces looked at in every tile holding their centre (also those cutting them)',
    options: { lookAt: 'centre' },
  },
  {
    name: 'shipped, short-range on every fine tile (unguided)',
    options: { views: DEFAULT_ANALYSIS.views.map((view) => ({ ...view, guided: false })) },
  },
];
