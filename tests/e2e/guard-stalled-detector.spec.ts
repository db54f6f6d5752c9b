import { expect, test } from '../support/composer-test';
import { fileBytes, overlayFrame, overlayShown, received, sha256 } from '../support/guard-page';
import { photo } from '../support/sites';
import { unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';

// The detector workers handed a hundred thousand passes in place of the photo's few dozen: they
// are busy for half an hour and answer nothing meanwhile, as a worker stuck in the wasm would not.
const STALL = `const jobs = message?.type === 'detect' ? Array.from({ length: 100000 }, () => message.jobs[0]) : undefined;
  return send(jobs ? { ...message, jobs } : message, transfer);`;

test('a detector that stops answering: the photo is shown as not checked after a minute, and the next photo is checked by new workers', async ({ composer: { page, input } }) => {
  test.setTimeout(240_000);
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);

  await wrapWorkerMessages(page, STALL);
  await input().setInputFiles(photo('sample1.jpg'));
  let overlay: Awaited<ReturnType<typeof overlayFrame>>;
  try {
    overlay = await overlayFrame(page);
  } finally {
    await unwrapWorkerMessages(page); // its requests are on their way: the workers are stuck already
  }
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', 'unknown', { timeout: 90_000 });
  await expect(card).toContainText('took too long');
  await overlay.locator('[data-action="original"]').click();
  await expect.poll(() => received(page)).toHaveLength(2);
  expect((await received(page))[1]!.sha256).toBe(sha256(fileBytes(photo('sample1.jpg'))));
  await expect.poll(() => overlayShown(page)).toBe(false);

  // Picked while the stuck workers are still being waited for: once they are given up (90 s after
  // the first unanswered request), it is checked by new ones, not reported as unreadable.
  await input().setInputFiles(photo('sample2.jpg'));
  overlay = await overlayFrame(page, 90_000);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3', { timeout: 90_000 });
});
