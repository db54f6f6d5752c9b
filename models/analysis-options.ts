import { DEFAULT_MERGE, type MergeOptions, type VoteOptions } from './merge';
import { CLOSER_FACEBOXES, FACEBOXES_CLOSE_LOOK, MODEL_INPUT_SIDE, UPSIDE_DOWN, type ViewOptions } from './view-options';

/**
 * Frames of one animation looked at, spread over it: each costs a photo's analysis, and next
 * frames differ little. A longer animation is checked in part, and the user is told so.
 */
export const MAX_CHECKED_FRAMES = 12;

/** How readily a weakly seen face is kept: the trade between missed faces and false alarms. */
export const SENSITIVITIES = ['thorough', 'balanced', 'fewer-alarms'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Tiles holding a face whole (or cutting it least), or every tile holding its centre: see `tilesShowing`. */
export type TilesShowing = 'whole' | 'centre';

export interface AnalysisOptions {
  views: ViewOptions[];
  /** Share of a tile that overlaps its neighbour, so a face cut by one tile is whole in another. */
  overlap: number;
  /** Detector confidence below which a candidate is not even considered (at least the engine's floor). */
  minCandidateScore: number;
  /** The least score of a candidate that sends the `guided` views to look at the tiles showing it. */
  hintScore: number;
  /** Which tiles show a face, or a hint of one (see `tilesShowing`): where views look to confirm it, or guided views for it. */
  lookAt: TilesShowing;
  vote: VoteOptions;
  /** Longest side of the working copy the tiles are cut from (see `workingScale`). */
  workingSide: number;
  /**
   * Most regions in the first pass (a 3:2 photo needs 113). Their number grows with how elongated
   * the image is: past this, the finest grid levels are left out, so that a long screenshot costs
   * a few photos' worth of time, not a dozen.
   */
  maxJobs: number;
  /** Longest side each region is resized to before MediaPipe sees it. */
  inputSide: number;
  /**
   * Tiles whose busiest small cell (see `textureOf`) varies less than this are not looked at: a
   * sky, a wall, a smooth background hold no face. 0 looks at every tile; the whole image always is.
   */
  minTexture: number;
  /** Photos whose tones span less of the grey range than this (0–255) are stretched over it first (see `stretchTones`); 0 never. */
  minToneRange: number;
  merge: MergeOptions;
}

/**
 * The shipped pipeline (see `npm run bench` for the alternatives it was chosen over): the
 * full-range model on the whole photo and 2×2 tiles, the short-range model on those 4×4 and 6×6
 * tiles (where small faces fill its view) that the full-range model saw something face-like in,
 * and, wherever those two leave a face undecided, the full-range model on 3×3 tiles and again on
 * the mirrored photo (where it saw anything of the face), FaceBoxes on the whole photo and
 * FaceBoxes close up; and the whole photo upside down. A face must be seen by two of these views.
 */
export const DEFAULT_ANALYSIS: AnalysisOptions = {
  views: [
    { model: 'fullRange', whole: true, grids: [2, 3], mirrored: false, confirmGrids: [3] },
    { model: 'fullRange', whole: true, grids: [2, 3], mirrored: true, confirmOnly: true, traced: true },
    { model: 'shortRange', whole: false, grids: [4, 6], mirrored: false, guided: true },
    { model: 'faceBoxes', whole: true, grids: [], mirrored: false, confirmOnly: true, inputSide: MODEL_INPUT_SIDE.faceBoxes, fromSide: 20, shownAt: 40 },
    FACEBOXES_CLOSE_LOOK,
    ...UPSIDE_DOWN,
  ],
  overlap: 0.25,
  minCandidateScore: 0.4,
  // Well below the weakest hint a found face had (0.24): faces unlike the dev photos' score lower.
  hintScore: 0.15,
  lookAt: 'whole',
  vote: { minViews: 2, minScoreSum: 1.1 },
  workingSide: 1920,
  maxJobs: 400,
  inputSide: 256,
  // JPEG noise in a clear sky stays near 1; any edge, let alone a face's eyes and mouth, far above.
  minTexture: 2,
  // Half the range: a photo a stop too dark uses less; the dev photos span 181 or more, the samples 160.
  minToneRange: 128,
  merge: DEFAULT_MERGE,
};

/**
 * What each sensitivity changes (see `npm run bench`): "thorough" keeps faces two views saw
 * weakly, and looks closer at small ones, at the cost of boxes on things that are not faces;
 * "fewer-alarms" the reverse.
 */
const SENSITIVITY_OPTIONS: Record<Sensitivity, Pick<AnalysisOptions, 'minCandidateScore' | 'vote'> & Partial<Pick<AnalysisOptions, 'views'>>> = {
  thorough: { minCandidateScore: 0.3, vote: { minViews: 2, minScoreSum: 0.9 }, views: [...DEFAULT_ANALYSIS.views, CLOSER_FACEBOXES] },
  balanced: { minCandidateScore: DEFAULT_ANALYSIS.minCandidateScore, vote: DEFAULT_ANALYSIS.vote },
  'fewer-alarms': { minCandidateScore: 0.5, vote: { minViews: 2, minScoreSum: 1.2 } },
};

export const analysisFor = (sensitivity: Sensitivity): AnalysisOptions => ({ ...DEFAULT_ANALYSIS, ...SENSITIVITY_OPTIONS[sensitivity] });

/**
 * The models' own confidence floor: below the hints and every sensitivity's least score, and low
 * enough that MediaPipe's merging of a face's overlapping boxes (a score-weighted blend of all
 * above the floor) takes in its weak ones too: at the hint score (0.15) instead of 0.05, the dev
 * photos lost a face (327/345) and the photos shrunk to 640 px gained two false ones (see docs/face-finding.md).
 */
export const DETECTOR_FLOOR = Math.min(0.05, DEFAULT_ANALYSIS.hintScore, ...Object.values(SENSITIVITY_OPTIONS).map((v) => v.minCandidateScore));
