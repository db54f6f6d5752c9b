import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { detectorDocument, extensionGranting, launchWithExtension, newProfileDir } from '../support/browser';
import { closedShadowText } from '../support/closed-shadow';
import { fileBytes, overlayFrame, overlayShown, received, sha256 } from '../support/guard-page';
import { openOptions, setRule, storedSettings } from '../support/options-page';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

const SCHOOL = new URL(SITE_PAGES.school.url).host;

async function pickOnSchool(page: Page, name: string): Promise<void> {
  await page.goto(SITE_PAGES.school.url);
  await page.locator('#photos').setInputFiles(photo(name));
}

test('an added site is guarded at once; once removed, it is left alone again', async () => {
  const context = await launchWithExtension([], newProfileDir(), extensionGranting([SCHOOL]));
  try {
    await serveSites(context);
    const options = await openOptions(context);
    const school = await context.newPage();

    await pickOnSchool(school, 'sample1.jpg');
    await expect.poll(() => received(school)).toHaveLength(1);
    expect(await overlayShown(school)).toBe(false);

    await options.locator('[data-setting="new-site"]').fill(' https://School.example.org/photos ');
    await options.locator('[data-action="add-site"]').click();
    await expect(options.locator('[data-status]')).toHaveText(`${SCHOOL} added: Photo Guard now guards it.`);
    await expect(options.locator(`[data-site="${SCHOOL}"] select[data-setting="mode"]`)).toHaveValue('warn');

    await expect(async () => {
      await pickOnSchool(school, 'sample1.jpg');
      const overlay = await overlayFrame(school, 2_000);
      await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3');
      // No site-specific advice for a site the guard does not know, and no settings link.
      await expect(overlay.locator('.advice a')).toHaveCount(0);
      await overlay.locator('[data-action="original"]').click();
    }).toPass({ timeout: 30_000 });
    await expect.poll(() => received(school)).toHaveLength(1);
    expect((await received(school))[0]!.sha256).toBe(sha256(fileBytes(photo('sample1.jpg'))));

    await options.locator(`[data-site="${SCHOOL}"] [data-action="remove-site"]`).click();
    await expect(options.locator(`[data-site="${SCHOOL}"]`)).toHaveCount(0);
    await expect(async () => {
      await pickOnSchool(school, 'sample2.jpg');
      await expect.poll(() => received(school), { timeout: 2_000 }).toHaveLength(1);
      expect(await overlayShown(school)).toBe(false);
    }).toPass({ timeout: 30_000 });
  } finally {
    await context.close();
  }
});

test('a site added while its page is open: that tab holds its next photo back and says to reload', async () => {
  const context = await launchWithExtension([], newProfileDir(), extensionGranting([SCHOOL]));
  try {
    await serveSites(context);
    const school = await context.newPage();
    await school.goto(SITE_PAGES.school.url);
    const options = await openOptions(context);
    await options.locator('[data-setting="new-site"]').fill(SCHOOL);
    await options.locator('[data-action="add-site"]').click();
    // The guard given to the open tab warms the detector, as the page shows a file input.
    await expect.poll(() => detectorDocument(context)).not.toBeNull();

    await school.locator('#photos').setInputFiles(photo('sample1.jpg'));
    await expect.poll(() => closedShadowText(school, 'photo-guard-status')).toContain('Reload the page, then add your photos again');
    expect(await received(school)).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an address that is not a site is refused with a reason, and nothing is added', async () => {
  const context = await launchWithExtension();
  try {
    const options = await openOptions(context);
    await options.locator('[data-setting="new-site"]').fill('not a site');
    await options.locator('[data-action="add-site"]').click();
    await expect(options.locator('#add-site-error')).toHaveText('That is not a site address (for example: school.example.org).');
    await options.locator('[data-setting="new-site"]').fill('x.com');
    await options.locator('[data-action="add-site"]').click();
    await expect(options.locator('#add-site-error')).toHaveText('x.com is already in the list.');
    expect((await storedSettings(options))?.customSites ?? []).toEqual([]);
  } finally {
    await context.close();
  }
});

test('settings survive a restart, and settings stored by version 1 are migrated', async () => {
  const profile = newProfileDir();
  let context: BrowserContext = await launchWithExtension([], profile);
  try {
    const v1 = JSON.parse(readFileSync('tests/fixtures/settings/v1.json', 'utf8')) as unknown;
    // Stored as version 1 did: the bare value, without WXT's version record.
    await (await openOptions(context)).evaluate((value) => chrome.storage.sync.set({ settings: value }), v1);
    await context.close();

    context = await launchWithExtension([], profile);
    let options = await openOptions(context);
    const value = (host: string, setting: string) => options.locator(`[data-site="${host}"] [data-setting="${setting}"]`);
    await expect(value('x.com', 'mode')).toHaveValue('protect');
    await expect(value('www.facebook.com', 'mode')).toHaveValue('off');
    await expect(value('www.instagram.com', 'mode')).toHaveValue('warn');
    await expect(value('www.instagram.com', 'maskStyle')).toHaveValue('pixelate');
    await expect(value('x.com', 'metadata')).toHaveValue('keep');

    await setRule(options, 'instagram', 'sensitivity', 'thorough');
    await context.close();
    context = await launchWithExtension([], profile);
    options = await openOptions(context);
    await expect(value('www.instagram.com', 'sensitivity')).toHaveValue('thorough');
    await expect(value('x.com', 'mode')).toHaveValue('protect');
  } finally {
    await context.close();
  }
});

test('settings export to a file and import back; a bad file changes nothing and says why', async () => {
  const context = await launchWithExtension();
  try {
    const options = await openOptions(context);
    await setRule(options, 'x', 'mode', 'protect');
    const download = options.waitForEvent('download');
    await options.locator('[data-action="export"]').click();
    const exported = readFileSync((await (await download).path())!, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 'photo-guard-settings', version: 2, settings: { sites: { x: { mode: 'protect' } } } });

    await options.locator('[data-action="reset"]').click();
    await expect(options.locator('[data-site="x.com"] [data-setting="mode"]')).toHaveValue('warn');
    await options.locator('[data-action="import"]').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(options.locator('[data-status]')).toHaveText('Settings imported.');
    await expect(options.locator('[data-site="x.com"] [data-setting="mode"]')).toHaveValue('protect');

    const bad = JSON.stringify({ format: 'photo-guard-settings', version: 2, settings: { sites: {}, customSites: [] } });
    await options.locator('[data-action="import"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect(options.locator('[data-status]')).toHaveText('Nothing was changed: it has no rule for "x".');
    expect((await storedSettings(options))?.sites.x?.mode).toBe('protect');
  } finally {
    await context.close();
  }
});
