import { DEFAULT_MERGE, type MergeOptions, type VoteOptions } from './merge';

export type ModelName = 'fullRange' | 'shortRange' | 'faceBoxes';

/**
 * The side of the square each model sees its input at (MediaPipe resizes every region to it;
 * FaceBoxes takes any size, and was trained on 1024-px crops).
 */
export const MODEL_INPUT_SIDE: Record<ModelName, number> = { fullRange: 192, shortRange: 128, faceBoxes: 1024 };

/**
 * Frames of one animation looked at, spread over it: each costs a photo's analysis, and next
 * frames differ little. A longer animation is checked in part, and the user is told so.
 */
export const MAX_CHECKED_FRAMES = 12;

/** How readily a weakly seen face is kept: the trade between missed faces and false alarms. */
export const SENSITIVITIES = ['thorough', 'balanced', 'fewer-alarms'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** One way of looking at the photo: a model, the regions it sees, and whether mirrored. */
export interface ViewOptions {
  model: ModelName;
  /** Run on the whole image too. */
  whole: boolean;
  /** Grid levels of square tiles, counted on the shorter side (2 = 2×2). */
  grids: number[];
  mirrored: boolean;
  /** The photo turned a half turn: faces upside down in it (a baby lying on its back) become upright. */
  upsideDown?: boolean;
  /**
   * Only look where the other views left a face undecided (not kept by the vote: seen by too few
   * views, or too weakly): a second opinion costs as much as the first, and most of the photo does
   * not need one.
   */
  confirmOnly?: boolean;
  /**
   * Only look at tiles where the other views saw something face-like (that hold the centre of a
   * candidate scoring at least `hintScore`; see `hinted`): on the dev photos every face found had
   * such a candidate on it scoring 0.24 or more, while most fine tiles of a photo have none, and
   * fine tiles are most of the work.
   */
  guided?: boolean;
  /**
   * Grid levels of this view looked at only to confirm, in the last round: on the tiles holding
   * the centre of a face the other views left undecided, as the mirrored view does. A photo's
   * finest full-range tiles were a third of its time; looked at wherever any trace of a face lay
   * (most tiles of a busy photo), they found the same faces on the dev photos as looked at only
   * where a face is in doubt, with more false ones (see the README).
   */
  confirmGrids?: number[];
  /**
   * A mirrored view confirming only the undecided faces its model saw anything of unmirrored (a
   * candidate at the models' floor or above): mirrored, it is shown the same face, and what it
   * did not see at all one way it does not see the other. On the dev photos every face the
   * mirrored view's vote was needed for had a full-range candidate of 0.26 or more on it, while
   * the faces the short-range model alone had seen were a large share of its work (see the README).
   */
  traced?: boolean;
  /** Longest side each region is resized to before the model sees it, instead of the analysis's. */
  inputSide?: number;
  /**
   * Regions smaller than the input side are enlarged to it, not only larger ones reduced:
   * FaceBoxes finds no face under ~32 px of its input, so a small face needs its tile enlarged.
   */
  enlarged?: boolean;
  /**
   * Instead of tiles, one square around each face left undecided, `times` its side and centred on
   * it (a close look at that face alone; `confirmOnly` views only), for faces under `under` px in
   * the whole photo resized to the model's input side: larger ones it saw well enough there.
   */
  around?: { times: number; under: number };
  /** The least score of this view's candidates that counts, when above the analysis's `minCandidateScore`. */
  minScore?: number;
  /**
   * Undecided faces under this many pixels in the whole photo as this view's model sees it are
   * not asked of it. FaceBoxes learnt a face from the anchors overlapping it by 0.35 or more (IoU),
   * which its smallest (32 px) does from 19 px: its whole-photo pass, the longest of all, is not
   * run for smaller ones (its close look is for them; see the README).
   */
  fromSide?: number;
  /**
   * A whole-photo view asked in the last round is shown the photo only as large as the smallest
   * face it is asked about needs to be this many pixels (at most its input side, at least 256 px).
   * Asked early (see `detectInRounds`), it is shown the photo whole: the faces the short-range
   * round will add are not known yet, and shown to fit those known then it missed one dev face.
   */
  shownAt?: number;
}

export interface AnalysisOptions {
  views: ViewOptions[];
  /** Share of a tile that overlaps its neighbour, so a face cut by one tile is whole in another. */
  overlap: number;
  /** Detector confidence below which a candidate is not even considered (at least the engine's floor). */
  minCandidateScore: number;
  /** The least score of a candidate that sends the `guided` views to look at the tiles holding its centre. */
  hintScore: number;
  vote: VoteOptions;
  /** Longest side of the working copy the tiles are cut from (see `workingScale`). */
  workingSide: number;
  /**
   * Most regions in the first pass (a 3:2 photo needs 112). Their number grows with how elongated
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
 * FaceBoxes' close look at each face left undecided: a square four times its side around it,
 * enlarged to 256 px, shows the face at 64 px, one of the sizes FaceBoxes was built to find
 * (its anchors are 32, 64 and 128 px), whatever its size in the photo; over the whole photo a
 * class photo's back row is under its smallest. A face it saw at 64 px or more over the whole
 * photo is not looked at again. It counts only where it is sure: enlarged, small blurred shapes
 * look face-like to it too (on the dev photos true faces scored 0.8 or more, and a lower bar let
 * in more false faces than it found true ones; see `npm run bench`).
 */
export const FACEBOXES_CLOSE_LOOK: ViewOptions = {
  model: 'faceBoxes',
  whole: false,
  grids: [],
  mirrored: false,
  confirmOnly: true,
  around: { times: 4, under: 64 },
  inputSide: 256,
  enlarged: true,
  minScore: 0.8,
};

/**
 * The shipped pipeline (see `npm run bench` for the alternatives it was chosen over): the
 * full-range model on the whole photo and 2×2 tiles, the short-range model on those 4×4 and 6×6
 * tiles (where small faces fill its view) that the full-range model saw something face-like in,
 * and, wherever those two leave a face undecided, the full-range model on 3×3 tiles and again on
 * the mirrored photo (where it saw anything of the face), FaceBoxes on the whole photo and
 * FaceBoxes close up. A face must be seen by two of these views.
 */
export const DEFAULT_ANALYSIS: AnalysisOptions = {
  views: [
    { model: 'fullRange', whole: true, grids: [2, 3], mirrored: false, confirmGrids: [3] },
    { model: 'fullRange', whole: true, grids: [2, 3], mirrored: true, confirmOnly: true, traced: true },
    { model: 'shortRange', whole: false, grids: [4, 6], mirrored: false, guided: true },
    { model: 'faceBoxes', whole: true, grids: [], mirrored: false, confirmOnly: true, inputSide: MODEL_INPUT_SIDE.faceBoxes, fromSide: 20, shownAt: 40 },
    FACEBOXES_CLOSE_LOOK,
  ],
  overlap: 0.25,
  minCandidateScore: 0.4,
  // Well below the weakest hint a found face had (0.24): faces unlike the dev photos' score lower.
  hintScore: 0.15,
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
 * FaceBoxes on 2×2 tiles enlarged to the size it was trained at, where the other views leave a
 * face undecided: it finds no face under ~32 px of its input, and a class photo's back row is
 * smaller than that in the whole photo. Only for "thorough": on the dev photos it finds 7 faces
 * more of 345, with 36 more false boxes, in twice the time (see `npm run bench`).
 */
export const CLOSER_FACEBOXES: ViewOptions = {
  model: 'faceBoxes',
  whole: false,
  grids: [2],
  mirrored: false,
  confirmOnly: true,
  inputSide: MODEL_INPUT_SIDE.faceBoxes,
  enlarged: true,
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
 * photos lost a face (327/345) and the photos shrunk to 640 px gained two false ones (see the README).
 */
export const DETECTOR_FLOOR = Math.min(0.05, DEFAULT_ANALYSIS.hintScore, ...Object.values(SENSITIVITY_OPTIONS).map((v) => v.minCandidateScore));
