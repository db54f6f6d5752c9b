import { type Composer, expect, test } from '../support/composer-test';
import { inDetectorPage, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { overlayFrame, overlayShown, received } from '../support/guard-page';
import { openOptions, setRule } from '../support/options-page';
import { photo } from '../support/sites';

/** Counts, in the detector's page, the enlarged regions its workers are sent, by the size they are enlarged to. */
const COUNT_ENLARGED = `if (message?.type === 'detect') for (const job of message.jobs.filter((job) => job.enlarged)) globalThis.enlarged[job.inputSide] = (globalThis.enlarged[job.inputSide] ?? 0) + 1;
  return send(message, transfer);`;

/**
 * The enlarged regions the detector was sent while the guard checked sample3.jpg (then cancelled):
 * `closer`, 2×2 tiles at 1024 px; `close`, squares around undecided faces at 256 px (sample3 leaves
 * small faces undecided after its first two rounds).
 */
async function enlargedTiles({ page, input }: Composer): Promise<{ closer: number; close: number }> {
  await inDetectorPage(page, 'globalThis.enlarged = {}');
  await page.bringToFront(); // back from the options page, as the user would be
  await input().setInputFiles(photo('sample3.jpg'));
  // Cancelled only once its faces are shown (all checked).
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', /^\d+$/, { timeout: 60_000 });
  await overlay.locator('[data-action="cancel"]').click();
  await expect.poll(() => overlayShown(page)).toBe(false);
  const counted = (await inDetectorPage(page, 'globalThis.enlarged')) as Record<string, number>;
  return { closer: counted[1024] ?? 0, close: counted[256] ?? 0 };
}

test('FaceBoxes looks close at the faces left undecided; "thorough" has it look closer, on enlarged tiles, too, "balanced" not', async ({ composer, extension }) => {
  const { page, input } = composer;
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);
  const options = await openOptions(extension);
  await wrapWorkerMessages(page, COUNT_ENLARGED);
  try {
    await setRule(options, 'x', 'sensitivity', 'thorough');
    const thorough = await enlargedTiles(composer);
    expect(thorough.closer).toBeGreaterThan(0);
    expect(thorough.close).toBeGreaterThan(0);
    await setRule(options, 'x', 'sensitivity', 'balanced');
    const balanced = await enlargedTiles(composer);
    expect(balanced.closer).toBe(0);
    expect(balanced.close).toBeGreaterThan(0);
  } finally {
    await unwrapWorkerMessages(page);
    await setRule(options, 'x', 'sensitivity', 'balanced');
    await options.close();
  }
});
