import type { Page } from '@playwright/test';
import { benchApi } from './bench-page';
import { type BenchImage, rect } from './datasets';
import { addScores, scoreImage } from './score';
import { ms, percentile, printTable } from './stats';
import { CHOSEN, UNSTRETCHED } from './variants';

/**
 * Photos as a camera takes them in poor light: a stop too dark, dim and flat (a party lit by a
 * lamp), hazy. Same pixels otherwise, so the same faces are required.
 */
const LIGHTS = [
  { what: 'a stop too dark (brightness 0.5)', brightness: 0.5, contrast: 1 },
  { what: 'dim and flat (brightness 0.35, contrast 0.6)', brightness: 0.35, contrast: 0.6 },
  { what: 'hazy (contrast 0.5)', brightness: 1, contrast: 0.5 },
];

/** The WIDER dev photos in each light, with the tones stretched and not. */
export async function dimmedPhotos(page: Page, photos: BenchImage[]): Promise<void> {
  const b = benchApi(page);
  const rows: Array<Record<string, string | number>> = [];
  for (const light of LIGHTS) {
    const runs = [CHOSEN, UNSTRETCHED].map((variant) => ({ variant, scores: [] as ReturnType<typeof scoreImage>[], times: [] as number[] }));
    for (const photo of photos) {
      await b.toned('dimmed', photo.url, light.brightness, light.contrast);
      for (const run of runs) {
        const result = await b.run(run.variant.options, 'dimmed');
        run.times.push(result.ms);
        run.scores.push(scoreImage(result.faces.map(rect), photo.truth));
      }
    }
    for (const { variant, scores, times } of runs) {
      const total = addScores(scores);
      rows.push({ variant: variant.name, light: light.what, found: `${total.found}/${total.required}`, 'false alarms': total.detections - total.correct, 'median ms': ms(percentile(times, 50)) });
    }
  }
  printTable(`The ${photos.length} WIDER dev photos in poor light (warm)`, rows);
}
