import { annotatedPhotos } from '../support/annotations';
import { expect, test } from '../support/composer-test';
import { exiftoolTagsOf } from '../support/exiftool';
import { fileBytes, overlayFrame, received } from '../support/guard-page';
import { cornerColours, redCornerJpeg, SWAPPED_PROFILE } from '../support/icc';
import { photo } from '../support/sites';
import { withColourProfile } from '../../photo/colour-profile';

const faces = annotatedPhotos().find((p) => p.file === 'sample2.jpg')!.faces;

test('a masked JPEG keeps its colour profile: drawn as stored and tagged with it again, not squeezed into sRGB', async ({ composer: { page, input } }) => {
  // sample2 with a corner stored pure red, in a profile whose red primary is sRGB's green: shown, that corner is green.
  const stored = Buffer.from((await page.evaluate<string>(redCornerJpeg(Buffer.from(fileBytes(photo('sample2.jpg'))).toString('base64')))), 'base64');
  await input().setInputFiles({ name: 'wide.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(withColourProfile(stored, SWAPPED_PROFILE)) });
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', String(faces.length), { timeout: 60_000 });
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  expect(file).toMatchObject({ name: 'wide.jpg', type: 'image/jpeg' });
  expect(exiftoolTagsOf(Buffer.from(file!.base64, 'base64'))['ICC_Profile:ProfileDescription']).toBe('Swapped RGB');
  // Stored as it was (red), so shown as it was (green).
  const [asStored, asShown] = await page.evaluate<number[][]>(cornerColours(file!.base64));
  expect(asStored![0]).toBeGreaterThan(200);
  expect(asStored![1]).toBeLessThan(60);
  expect(asShown![1]).toBeGreaterThan(200);
  expect(asShown![0]).toBeLessThan(80);
});
