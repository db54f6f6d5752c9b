import { expect, test } from '../support/composer-test';
import { annotatedPhotos } from '../support/annotations';
import { expectNoSeriousViolations } from '../support/axe';
import { overlayFrame, received } from '../support/guard-page';
import { photo } from '../support/sites';

// Five photos take several seconds to check; the first has faces, so the overlay opens after one.
const FILES = ['sample1.jpg', 'sample2.jpg', 'sample3.jpg', 'sample4.jpg', 'sample5.jpg'];

test('the overlay opens at the first photo that needs the user; the others fill in, then the choices are offered', async ({ composer: { page, input } }) => {
  await input().setInputFiles(FILES.map(photo));
  const overlay = await overlayFrame(page);
  const cards = overlay.locator('[data-guard-photo]');
  await expect(cards).toHaveCount(FILES.length);
  await expect(cards.first()).toHaveAttribute('data-faces', '3');
  // Opened while the others were still being checked: only Cancel is offered meanwhile.
  expect(await overlay.locator('[data-guard-photo]:not([data-faces])').count()).toBeGreaterThan(0);
  await expect(overlay.locator('[data-action="protect"]')).toBeDisabled();
  await expect(overlay.locator('[data-action="original"]')).toBeDisabled();
  await expect(overlay.locator('[data-action="cancel"]')).toBeEnabled();
  await expectNoSeriousViolations(overlay);

  await expect(overlay.locator('[data-guard-photo][data-faces]')).toHaveCount(FILES.length, { timeout: 60_000 });
  const expected = FILES.map((file) => String(annotatedPhotos().find((p) => p.file === file)!.faces.length));
  for (const [i, faces] of expected.entries()) await expect(cards.nth(i)).toHaveAttribute('data-faces', faces);
  await expect(overlay.locator('[role="status"]')).toHaveText(`All ${FILES.length} photos checked.`);
  // Focus waited on the dialog and moves to the main action once it can be used.
  await expect(overlay.locator('[data-action="protect"]')).toBeFocused();
  await expect(overlay.locator('[data-option="mask"]')).toBeChecked();
  await page.keyboard.press('Enter');
  await expect.poll(() => received(page)).toHaveLength(FILES.length);
  expect((await received(page)).map((f) => f.name)).toEqual(FILES);
});

test('Cancel while photos are still being checked adds nothing and stops the checking', async ({ composer: { page, input, reports } }) => {
  await input().setInputFiles(FILES.map(photo));
  const overlay = await overlayFrame(page);
  await overlay.locator('[data-action="cancel"]').click();
  await expect.poll(() => input().evaluate((el: HTMLInputElement) => el.files?.length)).toBe(0);

  // A photo picked next is checked and delivered; the cancelled selection's last photos never were.
  await input().setInputFiles(photo('no-face-small.webp'));
  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]!.name).toBe('no-face-small.webp');
  expect(reports.filter((line) => line.includes('sample4.jpg') || line.includes('sample5.jpg'))).toEqual([]);
});
