import { type Composer, expect, test } from '../support/composer-test';
import { inDetectorPage, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { overlayFrame, overlayShown, received } from '../support/guard-page';
import { openOptions, setRule } from '../support/options-page';
import { photo } from '../support/sites';

/** Counts, in the detector's page, the enlarged regions its workers are sent, by the size they are enlarged to. */
const COUNT_ENLARGED = `if (message?.type === 'detect') for (const job of message.jobs.filter((job) => job.enlarged)) globalThis.enlarged[job.inputSide] = (globalThis.enlarged[job.inputSide] ?? 0) + 1;
  return send(message, transfer);`;

/**
 * The enlarged regions the detector was sent while the guard checked sample1.jpg (then cancelled):
 * `closer`, 2×2 tiles at 1024 px. (Close looks, squares around small undecided faces, depend on
 * what a photo leaves undecided; sample1 no longer leaves a small one since the 3×3 tiles only
 * confirm: their plan is unit-tested in analysis-rounds.test.ts.)
 */
async function enlargedTiles({ page, input }: Composer): Promise<{ closer: number }> {
  await inDetectorPage(page, 'globalThis.enlarged = {}');
  await page.bringToFront(); // back from the options page, as the user would be
  await input().setInputFiles(photo('sample1.jpg'));
  // Its location opens the window at once; cancelled only once its faces are shown (all checked).
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', /^\d+$/, { timeout: 60_000 });
  await overlay.locator('[data-action="cancel"]').click();
  await expect.poll(() => overlayShown(page)).toBe(false);
  const counted = (await inDetectorPage(page, 'globalThis.enlarged')) as Record<string, number>;
  return { closer: counted[1024] ?? 0 };
}

test('"thorough" has FaceBoxes look closer, on enlarged tiles, "balanced" not', async ({ composer, extension }) => {
  const { page, input } = composer;
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);
  const options = await openOptions(extension);
  await wrapWorkerMessages(page, COUNT_ENLARGED);
  try {
    await setRule(options, 'x', 'sensitivity', 'thorough');
    const thorough = await enlargedTiles(composer);
    expect(thorough.closer).toBeGreaterThan(0);
    await setRule(options, 'x', 'sensitivity', 'balanced');
    const balanced = await enlargedTiles(composer);
    expect(balanced.closer).toBe(0);
  } finally {
    await unwrapWorkerMessages(page);
    await setRule(options, 'x', 'sensitivity', 'balanced');
    await options.close();
  }
});
