import { annotatedPhotos } from '../support/annotations';
import { expect, test } from '../support/composer-test';
import { exiftoolTagsOf } from '../support/exiftool';
import { fileBytes, overlayFrame, received } from '../support/guard-page';
import { rgbProfile, SRGB_PRIMARIES } from '../support/icc';
import { photo } from '../support/sites';
import { withColourProfile } from '../../photo/colour-profile';

const faces = annotatedPhotos().find((p) => p.file === 'sample2.jpg')!.faces;

test("a masked JPEG keeps its colour profile: drawn as stored and tagged with it again, not squeezed into sRGB", async ({ composer: { page, input } }) => {
  // sample2 with a corner stored pure red, in a profile whose red primary is sRGB's green: shown, that corner is green.
  const stored = await page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${base64}`)).blob(), { colorSpaceConversion: 'none' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    context.fillStyle = '#f00';
    context.fillRect(0, 0, 64, 64);
    return [...new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer())];
  }, Buffer.from(fileBytes(photo('sample2.jpg'))).toString('base64'));
  const { red, green, blue } = SRGB_PRIMARIES;
  const profile = rgbProfile('Swapped RGB', { red: green, green: red, blue });
  await input().setInputFiles({ name: 'wide.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(withColourProfile(new Uint8Array(stored), profile)) });
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', String(faces.length), { timeout: 60_000 });
  await overlay.locator('[data-action="protect"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  const [file] = await received(page);
  expect(file).toMatchObject({ name: 'wide.jpg', type: 'image/jpeg' });
  expect(exiftoolTagsOf(Buffer.from(file!.base64, 'base64'))['ICC_Profile:ProfileDescription']).toBe('Swapped RGB');
  const corner = await page.evaluate(async (base64) => {
    const read = async (colorSpaceConversion: ColorSpaceConversion) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${base64}`)).blob(), { colorSpaceConversion });
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return [...context.getImageData(32, 32, 1, 1).data.subarray(0, 3)];
    };
    return { stored: await read('none'), shown: await read('default') };
  }, file!.base64);
  // Stored as it was (red), so shown as it was (green).
  expect(corner.stored[0]).toBeGreaterThan(200);
  expect(corner.stored[1]).toBeLessThan(60);
  expect(corner.shown[1]).toBeGreaterThan(200);
  expect(corner.shown[0]).toBeLessThan(80);
});
