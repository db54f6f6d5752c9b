import { type Box, containment, iou } from './boxes';

export interface MergeOptions {
  /** Boxes overlapping more than this (IoU) are the same face. */
  iouThreshold: number;
  /**
   * A box lying mostly inside a stronger one is the same face seen cut by a tile edge, or a
   * part of it (an eye region) seen at a finer scale.
   */
  containmentThreshold: number;
}

export const DEFAULT_MERGE: MergeOptions = { iouThreshold: 0.3, containmentThreshold: 0.7 };

/**
 * Merges detections of one image gathered at several scales and tiles. Each cluster of boxes
 * that are the same face becomes one box whose corners are the score-weighted mean of the
 * cluster (weighted box fusion), scored by its best member: averaging the views of one face
 * gives a steadier box than keeping whichever view scored highest.
 */
export function mergeDetections(boxes: Box[], options: MergeOptions = DEFAULT_MERGE): Box[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const clusters: Box[][] = [];
  for (const box of sorted) {
    const home = clusters.find(
      ([lead]) => iou(lead!, box) > options.iouThreshold || containment(lead!, box) > options.containmentThreshold,
    );
    if (home) home.push(box);
    else clusters.push([box]);
  }
  return clusters.map(fuse);
}

function fuse(cluster: Box[]): Box {
  const total = cluster.reduce((sum, b) => sum + b.score, 0);
  const mean = (pick: (b: Box) => number) => cluster.reduce((sum, b) => sum + pick(b) * b.score, 0) / total;
  const x1 = mean((b) => b.x);
  const y1 = mean((b) => b.y);
  return {
    x: x1,
    y: y1,
    width: mean((b) => b.x + b.width) - x1,
    height: mean((b) => b.y + b.height) - y1,
    score: cluster[0]!.score,
  };
}
