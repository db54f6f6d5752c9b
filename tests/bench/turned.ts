import type { Page } from '@playwright/test';
import type { Rect } from '../../models/boxes';
import { annotatedPhotos } from '../support/annotations';
import { benchApi } from './bench-page';
import { rect } from './datasets';
import { addScores, scoreImage } from './score';
import { CHOSEN, UPRIGHT_ONLY } from './variants';
import { ms, percentile, printTable } from './stats';

/** A box of a width × height image, where it is once the image is turned a quarter turn clockwise. */
export function quarterTurned({ x, y, width, height }: Rect, imageHeight: number): Rect {
  return { x: imageHeight - y - height, y: x, width: height, height: width };
}

/**
 * The fixture photos turned by quarter turns: a baby lying down, or a photo whose camera wrote no
 * orientation tag, shows faces on their side, which a model trained on upright faces may miss.
 */
export async function turnedPhotos(page: Page): Promise<void> {
  const b = benchApi(page);
  const photos = annotatedPhotos().filter((p) => p.file.startsWith('sample'));
  const rows: Array<Record<string, string | number>> = [];
  const runs = [...[1, 2, 3].map((quarters) => ({ variant: CHOSEN, quarters })), { variant: UPRIGHT_ONLY, quarters: 2 }];
  for (const { variant, quarters } of runs) {
    const scores = [];
    const times: number[] = [];
    for (const photo of photos) {
      let faces = photo.faces.map(rect);
      let size = { width: photo.width, height: photo.height };
      for (let q = 0; q < quarters; q++) {
        faces = faces.map((face) => quarterTurned(face, size.height));
        size = { width: size.height, height: size.width };
      }
      const key = `${photo.file}-${quarters}`;
      await b.turned(key, `/photos/${photo.file}`, quarters);
      const run = await b.run(variant.options, key);
      times.push(run.ms);
      scores.push(scoreImage(run.faces.map(rect), { required: faces, all: faces }));
    }
    const total = addScores(scores);
    rows.push({
      variant: variant.name,
      turned: `${quarters * 90}° clockwise`,
      found: `${total.found}/${total.required}`,
      'false alarms': total.detections - total.correct,
      'median ms': ms(percentile(times, 50)),
    });
  }
  printTable(`The ${photos.length} sample photos turned, pixels and all (warm)`, rows);
}
