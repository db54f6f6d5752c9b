import { expect, test } from '../support/composer-test';
import { gifWith } from '../support/gif';
import { overlayFrame, overlayShown, received, sha256 } from '../support/guard-page';
import { JANE_XMP } from '../support/heif';

const gif = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'image/gif', buffer: Buffer.from(bytes) });

test('an animated GIF is shown even when its first frame has nothing to report; "post original" posts it as picked', async ({ composer: { page, input } }) => {
  // The browser decodes only the first frame for the detector: whatever the others show is unchecked.
  const animation = gif('party.gif', gifWith({ width: 160, height: 120, frames: [30, 220, 120] }));
  await input().setInputFiles(animation);
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-animated', 'true');
  await expect(card).toHaveAttribute('data-faces', '0');
  await expect(card).toHaveAttribute('data-metadata', '');
  await expect(card.locator('.note')).toContainText('only its first frame');
  expect(await received(page)).toEqual([]);
  await overlay.locator('[data-action="original"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]).toMatchObject({ name: 'party.gif', type: 'image/gif', sha256: sha256(animation.buffer) });
});

test("a GIF's comment and XMP are listed, and removed without touching its frames", async ({ composer: { page, input } }) => {
  const frames = { width: 160, height: 120, frames: [30, 220] };
  await input().setInputFiles(gif('card.gif', gifWith({ ...frames, comment: 'Lily, 4, at Bluebell nursery', xmp: JANE_XMP })));
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-metadata', 'xmp,comment');
  await expect(overlay.locator('[data-option="strip"]')).toBeChecked();
  await overlay.locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  // Byte for byte the GIF made without them: the header, palette and frames are copied as they were.
  expect((await received(page))[0]).toMatchObject({ name: 'card.gif', type: 'image/gif', sha256: sha256(gifWith(frames)) });
});

test('a still GIF with nothing to report passes straight through', async ({ composer: { page, input } }) => {
  const still = gif('still.gif', gifWith({ width: 160, height: 120, frames: [90] }));
  await input().setInputFiles(still);
  await expect.poll(() => received(page)).toHaveLength(1);
  expect(overlayShown(page)).toBe(false);
  expect((await received(page))[0]!.sha256).toBe(sha256(still.buffer));
});
