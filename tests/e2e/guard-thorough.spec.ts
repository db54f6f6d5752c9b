import { type Composer, expect, test } from '../support/composer-test';
import { inDetectorPage, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { overlayFrame, overlayShown, received } from '../support/guard-page';
import { openOptions, setRule } from '../support/options-page';
import { photo } from '../support/sites';

/** Counts, in the detector's page, the enlarged tiles its workers are sent. */
const COUNT_ENLARGED = `if (message?.type === 'detect') globalThis.enlarged = (globalThis.enlarged ?? 0) + message.jobs.filter((job) => job.enlarged).length;
  return send(message, transfer);`;

/** The enlarged tiles the detector was sent while the guard checked sample1.jpg (then cancelled). */
async function enlargedTiles({ page, input }: Composer): Promise<number> {
  await inDetectorPage(page, 'globalThis.enlarged = 0');
  await page.bringToFront(); // back from the options page, as the user would be
  await input().setInputFiles(photo('sample1.jpg'));
  // Its location opens the window at once; cancelled only once its faces are shown (all checked).
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', /^\d+$/, { timeout: 60_000 });
  await overlay.locator('[data-action="cancel"]').click();
  await expect.poll(() => overlayShown(page)).toBe(false);
  return Number(await inDetectorPage(page, 'globalThis.enlarged'));
}

test('"thorough" has FaceBoxes look closer, on enlarged tiles, where a face is undecided; "balanced" does not', async ({ composer, extension }) => {
  const { page, input } = composer;
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);
  const options = await openOptions(extension);
  await wrapWorkerMessages(page, COUNT_ENLARGED);
  try {
    await setRule(options, 'x', 'sensitivity', 'thorough');
    expect(await enlargedTiles(composer)).toBeGreaterThan(0);
    await setRule(options, 'x', 'sensitivity', 'balanced');
    expect(await enlargedTiles(composer)).toBe(0);
  } finally {
    await unwrapWorkerMessages(page);
    await setRule(options, 'x', 'sensitivity', 'balanced');
    await options.close();
  }
});
