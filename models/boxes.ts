/** A face box in pixels of the image it was found in, with the detector's confidence. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

export type Rect = Omit<Box, 'score'>;

/** The box in pixels of the same image at `factor` times its size. */
export const scaled = <T extends Rect>(box: T, factor: number): T => ({
  ...box,
  x: box.x * factor,
  y: box.y * factor,
  width: box.width * factor,
  height: box.height * factor,
});

export function area(r: Rect): number {
  return Math.max(0, r.width) * Math.max(0, r.height);
}

export function intersection(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function iou(a: Rect, b: Rect): number {
  const inter = intersection(a, b);
  return inter ? inter / (area(a) + area(b) - inter) : 0;
}

/** Whether a region overlaps any of `parts`: which tiles an analysis `where` them looks at. */
export const overlapsAny = (parts: Rect[]) => (region: Rect) => parts.some((part) => intersection(part, region) > 0);

/** Share of the smaller box that lies inside the other one. */
export function containment(a: Rect, b: Rect): number {
  const inter = intersection(a, b);
  return inter ? inter / Math.min(area(a), area(b)) : 0;
}

/**
 * Greedy non-maximum suppression: best first, each box kept unless it overlaps a kept one by
 * `overlap` IoU or more, at most `most` of them.
 */
export function suppressed(boxes: Box[], overlap: number, most: number): Box[] {
  const kept: Box[] = [];
  for (const box of [...boxes].sort((a, b) => b.score - a.score)) {
    if (kept.length === most) break;
    if (kept.every((better) => iou(better, box) < overlap)) kept.push(box);
  }
  return kept;
}

/**
 * Boxes as one reads a group photo: row by row from the top, left to right in a row. The user
 * finds "face 12" where counting would put it, not wherever the detector happened to rank it. A
 * box starts a new row when its centre lies below the row's first centre by more than half the
 * row's first box's height.
 */
export function inReadingOrder<T extends Rect>(boxes: T[]): T[] {
  const centreY = (r: Rect) => r.y + r.height / 2;
  const rows: T[][] = [];
  for (const box of [...boxes].sort((a, b) => centreY(a) - centreY(b))) {
    const row = rows.at(-1);
    if (row && centreY(box) - centreY(row[0]!) <= row[0]!.height / 2) row.push(box);
    else rows.push([box]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x));
}
