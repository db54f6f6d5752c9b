import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/composer-test';
import { exiftoolTags } from '../support/exiftool';
import { overlayFrame, received, writeReceived } from '../support/guard-page';
import { photo } from '../support/sites';

const dir = mkdtempSync(join(tmpdir(), 'photo-guard-e2e-'));

test('with faces masked, unticking "remove the hidden details" says they go all the same, and they do', async ({ composer: { page, input } }) => {
  await input().setInputFiles(photo('sample1.jpg'));
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
  const strip = overlay.locator('[data-option="strip"]');
  const hint = overlay.locator('#pg-strip-hint');
  await expect(hint).toHaveCount(0);
  await strip.uncheck();
  await expect(hint).toBeVisible();
  await expect(strip).toHaveAccessibleDescription(/redrawn/);
  // Not masking, the choice means what it says: no hint.
  await overlay.locator('[data-option="mask"]').uncheck();
  await expect(hint).toHaveCount(0);
  await overlay.locator('[data-option="mask"]').check();
  await overlay.locator('[data-action="protect"]').click();

  await expect.poll(() => received(page)).toHaveLength(1);
  const out = writeReceived(dir, 'masked-kept.jpg', (await received(page))[0]!);
  // Only the colour profile stays (its header names a device model: the display's, not the camera's).
  expect(Object.keys(exiftoolTags(out)).filter((k) => !k.startsWith('ICC') && /GPS|Serial|Make|Model|DateTimeOriginal|XMP|IPTC/.test(k))).toEqual([]);
});
