import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension-test';
import { dropFiles, fileBytes, overlayFrame, overlayShown, pastePng, received, sha256 } from '../support/guard-page';
import { photo, SITE_PAGES } from '../support/sites';

let page: Page;
test.beforeEach(({ tab }) => {
  page = tab;
});

test.describe('Instagram', () => {
  test.beforeEach(async () => {
    await page.goto(SITE_PAGES.instagram.url);
    await page.getByRole('link', { name: 'New post' }).click();
  });

  test('"Select from computer" (an input clicked from code in a dialog) is guarded', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Select from computer' }).click();
    await (await chooser).setFiles([photo('sample4.jpg'), photo('no-face-landscape.jpg')]);
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard-photo]')).toHaveCount(2);
    await expect(overlay.locator('.advice')).toContainText('Instagram');
    await overlay.locator('[data-action="original"]').click();
    await expect.poll(() => received(page)).toHaveLength(2);
    expect((await received(page))[0]).toMatchObject({ sha256: sha256(fileBytes(photo('sample4.jpg'))), how: 'input' });
  });

  test('a drop on "Drag photos and videos here" is guarded', async () => {
    await dropFiles(page, '[role="dialog"]', [photo('sample5.jpg')]);
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '5');
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
    expect((await received(page))[0]!.sha256).not.toBe(sha256(fileBytes(photo('sample5.jpg'))));
  });
});

test.describe('Facebook', () => {
  test('the composer\'s Public audience is named, with advice to narrow it', async () => {
    await page.goto(SITE_PAGES.facebook.url);
    await page.getByRole('button', { name: 'Create a post' }).click();
    await page.getByRole('button', { name: 'Photo/video' }).click();
    await page.locator('[role="dialog"] input[type="file"]').setInputFiles(photo('sample2.jpg'));
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-audience]')).toHaveAttribute('data-audience', 'Public');
    await expect(overlay.locator('.advice')).toContainText('Friends');
    await overlay.locator('[data-action="cancel"]').click();
    await expect.poll(() => overlayShown(page)).toBe(false);
    expect(await received(page)).toEqual([]);
  });

  test('a drop on the "Photo/video" drop zone is guarded', async () => {
    await page.goto(SITE_PAGES.facebook.url);
    await page.getByRole('button', { name: 'Create a post' }).click();
    await page.getByRole('button', { name: 'Photo/video' }).click();
    await dropFiles(page, '.drop-zone', [photo('sample3.jpg')]);
    await (await overlayFrame(page)).locator('[data-action="original"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
    expect((await received(page))[0]).toMatchObject({ sha256: sha256(fileBytes(photo('sample3.jpg'))), how: 'drop' });
  });

  test('a photo pasted into the post editor is guarded', async () => {
    await page.goto(`${SITE_PAGES.facebook.url}?audience=Friends`);
    await page.getByRole('button', { name: 'Create a post' }).click();
    await pastePng(page, '[data-lexical-editor]', photo('sample1.jpg'));
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-audience]')).toHaveAttribute('data-audience', 'Friends');
    await overlay.locator('[data-action="protect"]').click();
    await expect.poll(() => received(page)).toHaveLength(1);
    expect((await received(page))[0]).toMatchObject({ how: 'paste', type: 'image/png' });
  });
});
