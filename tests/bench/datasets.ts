import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rect } from '../../models/boxes';
import type { Truth } from './score';

export interface BenchImage {
  /** URL path on the bench origin. */
  url: string;
  truth: Truth;
}

/** A box written as [x, y, width, height, …] (annotations, the bench page's faces). */
export const rect = ([x, y, width, height]: number[]): Rect => ({ x: x!, y: y!, width: width!, height: height! });

/** The repository's own fixtures: every annotated face is required. */
export function fixturePhotos(): BenchImage[] {
  const list = JSON.parse(readFileSync('tests/fixtures/photos/annotations.json', 'utf8')) as Array<{
    file: string;
    faces: number[][];
  }>;
  return list.map(({ file, faces }) => {
    const all = faces.map(rect);
    return { url: `/photos/${file}`, truth: { required: all, all } };
  });
}

/**
 * The WIDER FACE dev subset, when present beside the repository. Required faces are the
 * clearly visible ones (its README): height ≥ 20 px, valid, not heavily occluded, typical pose.
 */
export function widerDev(dir: string): BenchImage[] | null {
  const file = join(dir, 'annotations.json');
  if (!existsSync(file)) return null;
  const list = JSON.parse(readFileSync(file, 'utf8')) as Array<{ file: string; faces: number[][] }>;
  return list.map(({ file: image, faces }) => ({
    url: `/wider/${image}`,
    truth: {
      all: faces.map(rect),
      required: faces.filter((f) => f[3]! >= 20 && f[7] === 0 && f[8]! < 2 && f[9] === 0).map(rect),
    },
  }));
}
