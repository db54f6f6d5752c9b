export type ModelName = 'fullRange' | 'shortRange' | 'faceBoxes';

/**
 * The side of the square each model sees its input at (MediaPipe resizes every region to it;
 * FaceBoxes takes any size, and was trained on 1024-px crops).
 */
export const MODEL_INPUT_SIDE: Record<ModelName, number> = { fullRange: 192, shortRange: 128, faceBoxes: 1024 };

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
   * Only look at tiles where the other views, seeing the photo the same way up, saw something
   * face-like (that show a candidate scoring at least `hintScore`; see `hinted`): on
   * the dev photos every face found had such a candidate on it scoring 0.24 or more, while most
   * fine tiles of a photo have none, and fine tiles are most of the work.
   */
  guided?: boolean;
  /**
   * Grid levels of this view looked at only to confirm, in the last round: on the tiles showing a
   * face the other views left undecided (see `tilesShowing`), as the mirrored view does. A photo's
   * finest full-range tiles were a third of its time; looked at wherever any trace of a face lay
   * (most tiles of a busy photo), they found the same faces on the dev photos as looked at only
   * where a face is in doubt, with more false ones (see docs/face-finding.md).
   */
  confirmGrids?: number[];
  /**
   * A mirrored view confirming only the undecided faces its model saw anything of unmirrored, the
   * same way up (a candidate at the models' floor, or at that view's `minScore`, or above):
   * mirrored, it is shown the same face, and what it
   * did not see at all one way it does not see the other. On the dev photos every face the
   * mirrored view's vote was needed for had a full-range candidate of 0.26 or more on it, while
   * the faces the short-range model alone had seen were a large share of its work (see docs/face-finding.md).
   * The same holds tile by tile: see `tracedTiles`.
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
   * run for smaller ones (its close look is for them; see docs/face-finding.md).
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
 * The whole photo seen upside down, and so mirrored to confirm: a baby on its back photographed
 * from above its head, a child hanging from a bar. The models were trained on upright faces, and
 * of the sample photos turned a half turn the other views found 14 of 22 faces. Each pass costs one
 * full-range pass over the whole photo; the mirrored one is asked only about a face the first saw.
 * Both count from 0.7 only: from 0.5, the fixtures' photo of a cup of coffee got a face upside
 * down, and the dev photos two false ones; from 0.6 they found what they find from 0.7 (see
 * docs/face-finding.md), which keeps a margin.
 */
export const UPSIDE_DOWN: ViewOptions[] = [
  { model: 'fullRange', whole: true, grids: [], mirrored: false, upsideDown: true, minScore: 0.7 },
  { model: 'fullRange', whole: true, grids: [], mirrored: true, upsideDown: true, confirmOnly: true, traced: true, minScore: 0.7 },
];

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
