import { launchWithExtension } from '../support/browser';
import { received } from '../support/guard-page';
import { photo, serveSites, SITE_PAGES } from '../support/sites';
import { percentile } from './stats';

export interface ExtensionTimings {
  /** First photo after browser start: file set on X's input → analysis back in the content script. */
  coldStart: number;
  /** A photo with nothing to report, model warm: file set → file received by the site. */
  passThrough: number[];
}

/** Timings through the real extension on the X fixture, in a new browser. */
export async function measureExtension(): Promise<ExtensionTimings> {
  const context = await launchWithExtension();
  try {
    await serveSites(context);
    const page = await context.newPage();
    const reported = new Promise<number>((resolve) =>
      page.on('console', (message) => message.text().startsWith('photo-guard:') && resolve(performance.now())),
    );
    await page.goto(SITE_PAGES.x.url, { waitUntil: 'commit' });
    const input = page.locator('[data-testid="fileInput"]');
    let started = performance.now();
    await input.setInputFiles(photo('no-face-landscape.jpg'));
    const coldStart = (await reported) - started;
    const passThrough: number[] = [];
    // Alternating files, since picking the same file again fires no change. (no-face-pattern.png
    // is not used: ImageMagick wrote dates in its PNG text chunks.)
    for (const name of Array.from({ length: 6 }, (_, i) => (i % 2 ? 'no-face-landscape.jpg' : 'no-face-plasma.jpg'))) {
      const before = (await received(page)).length;
      started = performance.now();
      await input.setInputFiles(photo(name));
      while ((await received(page)).length === before) {
        if (performance.now() - started > 60_000) throw new Error(`${name} was not delivered`);
        await page.waitForTimeout(5);
      }
      passThrough.push(performance.now() - started);
    }
    return { coldStart, passThrough };
  } finally {
    await context.close();
  }
}

export const median = (values: number[]) => percentile(values, 50);
