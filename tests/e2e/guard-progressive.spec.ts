import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/composer-test';
import { annotatedPhotos } from '../support/annotations';
import { expectNoSeriousViolations } from '../support/axe';
import { logOverlayShown, OVERLAY_SHOWN, overlayFrame, received, stackedInPage } from '../support/guard-page';
import { photo } from '../support/sites';

// Five photos take several seconds to check; they carry their location, so the overlay opens at once.
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
  await expect(overlay.locator('[role="status"]')).toHaveText('All photos checked.');
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

test('a photo whose location needs the user opens the overlay at once, before its faces are found', async ({ composer: { page, input } }) => {
  // Twelve copies of a photo, stacked, with its location: finding faces takes seconds, reading the
  // location milliseconds.
  const tall = join(mkdtempSync(join(tmpdir(), 'photo-guard-tall-')), 'tall.jpg');
  writeFileSync(tall, await stackedInPage(page, photo('sample1.jpg'), { copies: 12, scale: 0.5625 }));
  execFileSync('exiftool', ['-q', '-overwrite_original', '-TagsFromFile', photo('sample1.jpg'), '-GPS:all', tall]);
  const seen: string[] = [];
  await logOverlayShown(page);
  page.on('console', (m) => (m.text() === OVERLAY_SHOWN ? seen.push('overlay') : m.text().startsWith('photo-guard: tall.jpg') && seen.push('faces found')));

  await input().setInputFiles(tall);
  const overlay = await overlayFrame(page);
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('aria-busy', 'true');
  await expect(card).toHaveAttribute('data-metadata', 'gps');
  await expect(card.locator('.metadata')).toContainText('37.31964° N, 121.94650° W');
  await expect(card.locator('img')).toBeVisible();
  await expect(overlay.locator('[data-action="protect"]')).toBeDisabled();
  await expectNoSeriousViolations(overlay);

  await expect(card).toHaveAttribute('data-faces', /^\d+$/, { timeout: 60_000 });
  expect(Number(await card.getAttribute('data-faces'))).toBeGreaterThanOrEqual(30);
  expect(seen.slice(0, 2)).toEqual(['overlay', 'faces found']);
  await expect(overlay.locator('[data-option="strip"]')).toBeChecked();
  await expect(overlay.locator('[data-option="mask"]')).toBeChecked();
});

test("a later photo's location opens the overlay at once, and is listed while that photo waits its turn", async ({ composer: { page, input } }) => {
  const seen: string[] = [];
  await logOverlayShown(page);
  page.on('console', (m) => (m.text() === OVERLAY_SHOWN ? seen.push('overlay') : m.text().startsWith('photo-guard:') && seen.push(m.text().split(':')[1]!.trim())));
  await input().setInputFiles(['no-face-landscape.jpg', 'no-face-plasma.jpg', 'sample1.jpg'].map(photo));
  const overlay = await overlayFrame(page);
  const last = overlay.locator('[data-guard-photo]').nth(2);
  await expect(last).toHaveAttribute('aria-busy', 'true');
  await expect(last.locator('figcaption')).toHaveText('Waiting its turn…');
  await expect(last.locator('.metadata')).toContainText('37.31964° N, 121.94650° W');
  expect(seen[0]).toBe('overlay'); // before the first photo's faces were looked for

  await expect(overlay.locator('[data-guard-photo][data-faces]')).toHaveCount(3, { timeout: 60_000 });
  expect(await overlay.locator('[data-guard-photo]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-faces')))).toEqual(['0', '0', '3']);
  expect(seen).toEqual(['overlay', 'no-face-landscape.jpg', 'no-face-plasma.jpg', 'sample1.jpg']);
});
