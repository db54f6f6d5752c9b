import { iou, type Rect } from '../../models/boxes';

export interface Truth {
  /** Faces a guard must find: recall counts these. */
  required: Rect[];
  /** Every annotated face, hard ones included: a detection of any of them is not a false alarm. */
  all: Rect[];
}

export interface Score {
  required: number;
  found: number;
  detections: number;
  correct: number;
}

export const MATCH_IOU = 0.3;

/** Greedy one-to-one matching, best overlap first, at IoU ≥ 0.3 (WIDER boxes are tight). */
function matchCount(detections: Rect[], truth: Rect[]): { matched: number; detectionHits: Set<number> } {
  const pairs: Array<[number, number, number]> = [];
  detections.forEach((d, i) =>
    truth.forEach((t, j) => {
      const overlap = iou(d, t);
      if (overlap >= MATCH_IOU) pairs.push([overlap, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0]);
  const usedD = new Set<number>();
  const usedT = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedD.has(i) || usedT.has(j)) continue;
    usedD.add(i);
    usedT.add(j);
  }
  return { matched: usedT.size, detectionHits: usedD };
}

export function scoreImage(detections: Rect[], truth: Truth): Score {
  return {
    required: truth.required.length,
    found: matchCount(detections, truth.required).matched,
    detections: detections.length,
    correct: matchCount(detections, truth.all).detectionHits.size,
  };
}

export function addScores(scores: Score[]): Score {
  return scores.reduce(
    (sum, s) => ({
      required: sum.required + s.required,
      found: sum.found + s.found,
      detections: sum.detections + s.detections,
      correct: sum.correct + s.correct,
    }),
    { required: 0, found: 0, detections: 0, correct: 0 },
  );
}

export const recall = (s: Score) => (s.required ? s.found / s.required : 1);
export const precision = (s: Score) => (s.detections ? s.correct / s.detections : 1);
