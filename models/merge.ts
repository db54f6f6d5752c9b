import { area, type Box, containment, iou, type Rect } from './boxes';

/** One detection, tagged with the view (model, mirroring) that produced it. */
export interface Candidate extends Box {
  view: number;
  /** The region of the working image it was seen in: a tile, or the whole image. */
  seenIn?: Rect;
}

export interface MergeOptions {
  /** Boxes overlapping more than this (IoU) are the same face. */
  iouThreshold: number;
  /**
   * A box lying mostly inside a stronger one of similar size is the same face seen cut by a tile
   * edge. A much smaller box inside a large one is not absorbed: in a crowd it is another face.
   */
  containmentThreshold: number;
  minAreaRatio: number;
}

export const DEFAULT_MERGE: MergeOptions = { iouThreshold: 0.3, containmentThreshold: 0.7, minAreaRatio: 0.25 };

/** A face seen by one or more views: its fused box and the best score each view gave it. */
export interface Cluster extends Box {
  votes: Map<number, number>;
}

function sameFace(a: Box, b: Box, options: MergeOptions): boolean {
  if (iou(a, b) > options.iouThreshold) return true;
  const ratio = Math.min(area(a), area(b)) / Math.max(area(a), area(b));
  return ratio >= options.minAreaRatio && containment(a, b) > options.containmentThreshold;
}

/**
 * Groups the detections of one image, gathered over scales, tiles and views, into faces. Each
 * group's box is the score-weighted mean of its members (weighted box fusion): averaging the views
 * of one face gives a steadier box than keeping whichever view scored highest.
 */
export function clusterDetections(candidates: Candidate[], options: MergeOptions = DEFAULT_MERGE): Cluster[] {
  const groups: Candidate[][] = [];
  for (const candidate of [...candidates].sort((a, b) => b.score - a.score)) {
    const home = groups.find(([lead]) => sameFace(lead!, candidate, options));
    if (home) home.push(candidate);
    else groups.push([candidate]);
  }
  return groups.map(fuse);
}

function fuse(group: Candidate[]): Cluster {
  const total = group.reduce((sum, b) => sum + b.score, 0);
  const mean = (pick: (b: Box) => number) => group.reduce((sum, b) => sum + pick(b) * b.score, 0) / total;
  const x = mean((b) => b.x);
  const y = mean((b) => b.y);
  const votes = new Map<number, number>();
  for (const c of group) votes.set(c.view, Math.max(votes.get(c.view) ?? 0, c.score));
  return {
    x,
    y,
    width: mean((b) => b.x + b.width) - x,
    height: mean((b) => b.y + b.height) - y,
    score: group[0]!.score,
    votes,
  };
}

export interface VoteOptions {
  /** Distinct views that must have seen the face. */
  minViews: number;
  /** Sum of the views' best scores. */
  minScoreSum: number;
}

/**
 * Two detectors that disagree in their mistakes (a different network, or the same one on the
 * mirrored image) rarely fire on the same non-face, while a real face is seen by both.
 */
export function accepted(cluster: Cluster, vote: VoteOptions): boolean {
  let sum = 0;
  for (const score of cluster.votes.values()) sum += score;
  return cluster.votes.size >= vote.minViews && sum >= vote.minScoreSum;
}
