import { expect, test } from '../support/composer-test';
import { COUNT_ROUNDS, rounds, unwrapWorkerMessages, wrapWorkerMessages } from '../support/detector-page';
import { fileBytes, overlayFrame, overlayShown, received, sha256 } from '../support/guard-page';
import { photo } from '../support/sites';

test('a photo picked again is known at once: its faces shown, or passed through, without the detector', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);
  await wrapWorkerMessages(page, COUNT_ROUNDS);
  try {
    await input().setInputFiles(photo('sample2.jpg'));
    let overlay = await overlayFrame(page);
    const card = overlay.locator('[data-guard-photo]');
    await expect(card).toHaveAttribute('data-faces', '3');
    const boxes = await card.getAttribute('data-boxes');
    await overlay.locator('[data-action="cancel"]').click();
    await expect.poll(() => overlayShown(page)).toBe(false);
    const looked = await rounds(page);
    expect(looked).toBeGreaterThan(0);

    // Picked again after the cancel: the same faces, the same boxes, no round of passes more.
    await input().setInputFiles(photo('sample2.jpg'));
    overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
    expect(await overlay.locator('[data-guard-photo]').getAttribute('data-boxes')).toBe(boxes);
    await overlay.locator('[data-action="original"]').click();
    await expect.poll(() => received(page)).toHaveLength(2);
    expect((await received(page))[1]!.sha256).toBe(sha256(fileBytes(photo('sample2.jpg'))));

    // A photo with nothing to report, picked again, goes straight through.
    await input().setInputFiles(photo('no-face-landscape.jpg'));
    await expect.poll(() => received(page)).toHaveLength(3);
    expect((await received(page))[2]!.sha256).toBe(sha256(fileBytes(photo('no-face-landscape.jpg'))));
    expect(await rounds(page)).toBe(looked);
  } finally {
    await unwrapWorkerMessages(page);
  }
});

test('an iPhone HEIC picked again is known at once, with the pixels the extension decoded for it: masked without another look', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);
  await wrapWorkerMessages(page, COUNT_ROUNDS);
  try {
    await input().setInputFiles(photo('sample2.heic'));
    let overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
    await overlay.locator('[data-action="cancel"]').click();
    await expect.poll(() => overlayShown(page)).toBe(false);
    const looked = await rounds(page);
    expect(looked).toBeGreaterThan(0);

    await input().setInputFiles(photo('sample2.heic'));
    overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(2);
    expect((await received(page))[1]).toMatchObject({ name: 'sample2.jpg', type: 'image/jpeg' });
    expect(await rounds(page)).toBe(looked);
  } finally {
    await unwrapWorkerMessages(page);
  }
});
