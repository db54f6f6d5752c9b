// Part of `npm run bench` (run by it under xvfb-run): photos with nothing to report, picked on X's
// fixture in Firefox ESR with the built Firefox extension, timed from the file set to the file
// received by the site. Figures, not tests.
import type { Browser } from 'puppeteer-core';
import { launchFirefox, serveSite, until } from '../support/firefox';
import { photo, SITE_PAGES } from '../support/sites';
import { printTable, timesRow } from './stats';

const PHOTOS = ['no-face-landscape.jpg', 'no-face-plasma.jpg', 'no-face-cat.jpg', 'no-face-coffee.jpg'];
const ROUNDS = 4;
/** The detector's background page started and its models loaded, as 3 s after a composer shows in Chrome. */
const WARM_UP_MS = 8_000;

type Stub = { received: Array<{ at: number }> };

/** Where a photo is picked: X's composer, and a page the guard is not on (the school fixture, not added). */
const PAGES = { x: 'input[data-testid="fileInput"]', school: 'input#photos' } as const;

/** One photo picked in a new tab (a tab remembers the photos it checked): file set → received, by the page's clock. */
async function pickToDelivery(firefox: Browser, name: string, site: keyof typeof PAGES): Promise<number> {
  const page = await firefox.newPage();
  try {
    await serveSite(page, site);
    await page.goto(SITE_PAGES[site].url);
    const input = await page.waitForSelector(PAGES[site]);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the tab's own start out of the way
    const started = await page.evaluate(() => performance.now());
    await input!.uploadFile(photo(name));
    await until(async () => (await page.evaluate(() => (window as unknown as Stub).received.length)) === 1, `${name} at the site`);
    return (await page.evaluate(() => (window as unknown as Stub).received[0]!.at)) - started;
  } finally {
    await page.close();
  }
}

const firefox = await launchFirefox();
try {
  const warming = await firefox.newPage();
  await serveSite(warming, 'x');
  await warming.goto(SITE_PAGES.x.url);
  await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
  const times = { x: new Map<string, number[]>(), school: new Map<string, number[]>() };
  for (let round = 0; round < ROUNDS; round++) {
    for (const site of ['x', 'school'] as const) {
      for (const name of PHOTOS) times[site].set(name, [...(times[site].get(name) ?? []), await pickToDelivery(firefox, name, site)]);
    }
  }
  printTable('Through the extension in Firefox ESR (X fixture, the background page warm, each photo in a new tab)', [
    ...PHOTOS.map((name) => timesRow(`nothing to report, ${name}: picked -> received by the site`, times.x.get(name)!)),
    ...PHOTOS.map((name) => timesRow(`the same, ${name}, on a page the guard is not on`, times.school.get(name)!)),
  ]);
} finally {
  await firefox.close();
}
