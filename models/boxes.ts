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
export const scaled = (box: Box, factor: number): Box => ({
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

/** Share of the smaller box that lies inside the other one. */
export function containment(a: Rect, b: Rect): number {
  const inter = intersection(a, b);
  return inter ? inter / Math.min(area(a), area(b)) : 0;
}
