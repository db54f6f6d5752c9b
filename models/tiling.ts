import type { Rect } from './boxes';

export interface TilingOptions {
  /** Grid levels beyond the whole image: 2 means a 2×2 grid (on the shorter side), and so on. */
  grids: number[];
  /** Share of a tile that overlaps its neighbour, so a face cut by one tile is whole in another. */
  overlap: number;
  /** Levels whose tiles would be smaller are left out: they would only enlarge pixels already seen. */
  minSide: number;
}

/**
 * Scale of the working copy: its longest side at `side`, except that an image more elongated than
 * 2:1 keeps the area of a 2:1 one, so a long screenshot is not shrunk to a sliver with faces of a
 * few pixels.
 */
export function workingScale(width: number, height: number, side: number): number {
  return Math.min(1, Math.max(side / Math.max(width, height), Math.sqrt((side * side) / 2 / (width * height))));
}

/**
 * Regions of a width×height image to run the detector on: the whole image, then square tiles
 * at each grid level. BlazeFace sees its input at 192×192, so a face that is small in a large
 * photo only becomes detectable inside a tile. Tiles are square because the model letterboxes
 * anything else, wasting input pixels; along the longer side there are as many as needed to
 * cover it with at least the requested overlap.
 */
export function planTiles(width: number, height: number, options: TilingOptions): Rect[] {
  const tiles: Rect[] = [{ x: 0, y: 0, width, height }];
  const shorter = Math.min(width, height);
  for (const n of options.grids) {
    const side = shorter / (n - (n - 1) * options.overlap);
    if (side < options.minSide) continue;
    const size = Math.round(side);
    for (const y of starts(height, side, options.overlap)) {
      for (const x of starts(width, side, options.overlap)) tiles.push({ x, y, width: size, height: size });
    }
  }
  return tiles;
}

/** Evenly spread start positions of tiles of `side` covering `length` with at least `overlap`. */
function starts(length: number, side: number, overlap: number): number[] {
  if (side >= length) return [0];
  // The epsilon keeps float noise from adding a tile when the grid fits exactly.
  const count = Math.ceil((length - side) / (side * (1 - overlap)) - 1e-9) + 1;
  const last = length - Math.round(side);
  return Array.from({ length: count }, (_, i) => Math.round((i * last) / (count - 1)));
}
