import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension-test';
import { closedShadowText } from '../support/closed-shadow';
import { apngOf } from '../support/apng';
import { gifWith } from '../support/gif';
import { expectPostedUntouched, fileBytes, overlayShown, received, sha256 } from '../support/guard-page';
import { openOptions, setRule } from '../support/options-page';
import { exiftoolTagsOf } from '../support/exiftool';
import { join } from '../support/heif';
import { withSegments } from '../support/jpeg';
import { motionPhotoXmp, MP4 } from '../support/motion-photo';
import { photo, SITE_PAGES } from '../support/sites';

let options: Page;
const resetSettings = async () => {
  await options.locator('[data-action="reset"]').click();
  await expect(options.locator('[data-status]')).toHaveText('Settings reset to their defaults.');
};
test.beforeEach(async ({ extension }) => {
  options = await openOptions(extension);
  await resetSettings();
});
// Reset after too: the browser, and so the rules set here, outlive the test for the specs that follow.
test.afterEach(async () => {
  await resetSettings();
  await options.close();
});

test('X set to "off": a photo with faces reaches the site untouched, with no overlay', async ({ tab }) => {
  await setRule(options, 'x', 'mode', 'off');
  await tab.goto(SITE_PAGES.x.url);
  await tab.locator('[data-testid="fileInput"]').setInputFiles(photo('sample1.jpg'));
  await expectPostedUntouched(tab, photo('sample1.jpg'));
});

test('X set to "protect": the masked photo is posted without a question, and the user is told', async ({ tab }) => {
  await setRule(options, 'x', 'mode', 'protect');
  await tab.goto(SITE_PAGES.x.url);
  const reports: string[] = [];
  tab.on('console', (m) => m.text().startsWith('photo-guard:') && reports.push(m.text()));
  await tab.locator('[data-testid="fileInput"]').setInputFiles(photo('sample2.jpg'));
  await expect.poll(() => received(tab)).toHaveLength(1);
  expect(await overlayShown(tab)).toBe(false);
  const [file] = await received(tab);
  expect(file).toMatchObject({ name: 'sample2.jpg', type: 'image/jpeg' });
  expect(file!.sha256).not.toBe(sha256(fileBytes(photo('sample2.jpg'))));
  await expect.poll(() => closedShadowText(tab, 'photo-guard-status')).toContain('masked 3 faces');

  // The posted photo, picked again with the guard back on "warn", shows no face.
  await setRule(options, 'x', 'mode', 'warn');
  reports.length = 0;
  await tab.locator('[data-testid="fileInput"]').setInputFiles({ name: 'posted.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(file!.base64, 'base64') });
  await expect.poll(() => reports).toEqual(['photo-guard: posted.jpg: 0 face(s), metadata: none']);
});

test('X set to "protect": animations not every frame of which was checked are posted without a question, and the user told', async ({ tab }) => {
  await setRule(options, 'x', 'mode', 'protect');
  await tab.goto(SITE_PAGES.x.url);
  const apng = Buffer.from(apngOf(fileBytes(photo('no-face-pattern.png'))));
  // Longer than the frames one animation is checked in: some are skipped.
  const long = Buffer.from(gifWith({ width: 80, height: 60, frames: Array.from({ length: 30 }, (_, i) => i * 8) }));
  await tab.locator('[data-testid="fileInput"]').setInputFiles([
    { name: 'party.png', mimeType: 'image/png', buffer: apng },
    { name: 'long.gif', mimeType: 'image/gif', buffer: long },
  ]);
  await expect.poll(() => received(tab)).toHaveLength(2);
  expect(await overlayShown(tab)).toBe(false);
  expect((await received(tab)).map((file) => file.sha256)).toEqual([sha256(apng), sha256(long)]);
  await expect
    .poll(() => closedShadowText(tab, 'photo-guard-status'))
    .toMatch(/party\.png: an animation, so only its first frame was checked.*long\.gif: a long animation, so 12 of its frames, spread over it, were checked/s);
});

test('a tab already open follows a changed rule without being reloaded', async ({ tab }) => {
  await tab.goto(SITE_PAGES.instagram.url);
  await setRule(options, 'instagram', 'mode', 'off');
  await tab.getByRole('link', { name: 'New post' }).click();
  await tab.locator('[role="dialog"] input[type="file"]').setInputFiles(photo('sample4.jpg'));
  await expectPostedUntouched(tab, photo('sample4.jpg'));
});

test('"Always remove" takes the hidden details off a photo without faces, without asking', async ({ tab }) => {
  await setRule(options, 'x', 'metadata', 'remove');
  await tab.goto(SITE_PAGES.x.url);
  // no-face-pattern.png carries PNG text chunks (dates written by its encoder) and shows no face.
  await tab.locator('[data-testid="fileInput"]').setInputFiles(photo('no-face-pattern.png'));
  await expect.poll(() => received(tab)).toHaveLength(1);
  expect(await overlayShown(tab)).toBe(false);
  const posted = Buffer.from((await received(tab))[0]!.base64, 'base64');
  expect(posted.length).toBeLessThan(fileBytes(photo('no-face-pattern.png')).length);
  expect(posted.includes(Buffer.from('tEXt'))).toBe(false);
  await expect.poll(() => closedShadowText(tab, 'photo-guard-status')).toContain('removed the hidden details');
});

test('"Protect" with details kept: a motion photo is posted with its details but not its hidden video', async ({ tab }) => {
  await setRule(options, 'x', 'mode', 'protect');
  await setRule(options, 'x', 'metadata', 'keep');
  await tab.goto(SITE_PAGES.x.url);
  // A photo without a face, given a camera's EXIF (location, date, model) and a Pixel's motion-photo XMP and video.
  const camera = fileBytes(photo('sample2.jpg'));
  const exif = camera.subarray(20, 1032);
  const still = withSegments(fileBytes(photo('no-face-landscape.jpg')), 20, exif);
  const motion = Buffer.from(join(withSegments(still, 20 + exif.length, motionPhotoXmp(MP4.length)), MP4));
  await tab.locator('[data-testid="fileInput"]').setInputFiles({ name: 'motion.jpg', mimeType: 'image/jpeg', buffer: motion });
  await expect.poll(() => received(tab)).toHaveLength(1);
  expect(await overlayShown(tab)).toBe(false);
  const posted = Buffer.from((await received(tab))[0]!.base64, 'base64');
  expect(posted).toEqual(Buffer.from(still));
  const tags = exiftoolTagsOf(posted);
  expect(tags['GPS:GPSLatitudeRef']).toBe('North');
  expect(Object.keys(tags).filter((key) => /^XMP/.test(key) || /MotionPhoto|Trailer|EmbeddedVideo/.test(key))).toEqual([]);
  await expect.poll(() => closedShadowText(tab, 'photo-guard-status')).toContain('removed the hidden video from 1 motion photo');
});
