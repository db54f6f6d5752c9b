// In Firefox the whole "add a site" flow runs for real: the optional-permission prompt is turned
// off by the preference made for automation, so permissions.request grants and permissions.remove
// revokes, and the guard must follow. Run with `npm run test:firefox` (under xvfb-run).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox, openExtensionPage, serveSite, until } from '../support/firefox';
import { photo, SITE_PAGES } from '../support/sites';

const SCHOOL = new URL(SITE_PAGES.school.url).host;

/**
 * Picks a photo on the school page and says whether the guard took it: its "checking" notice
 * appears at once and, the photo carrying its location, the window within milliseconds, while a
 * first analysis in Firefox may take longer than a moment. (The notice alone, removed when the
 * window opens, can come and go between two polls.)
 */
async function guardedOnSchool(page: Page, reports: string[]): Promise<boolean> {
  reports.length = 0;
  try {
    await page.goto(SITE_PAGES.school.url);
    const input = (await page.waitForSelector('#photos')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(photo('sample1.jpg'));
    await page.waitForFunction(() => document.querySelector('photo-guard-status, photo-guard-overlay'), { timeout: 1500 });
    return true;
  } catch {
    return reports.length > 0; // no notice: not guarded, or already analysed (or a cut-short navigation)
  }
}

test('Firefox: adding a site asks for its access and guards it; removing it revokes both', async () => {
  const firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  try {
    const school = await firefox.newPage();
    await serveSite(school, 'school');
    const reports: string[] = [];
    school.on('console', (message) => message.text().startsWith('photo-guard:') && reports.push(message.text()));

    const options = await firefox.newPage();
    await openExtensionPage(options, 'options.html');
    const hasAccess = () => options.evaluate((host) => browser.permissions.contains({ origins: [`https://${host}/*`] }), SCHOOL);
    assert.equal(await hasAccess(), false);

    await (await options.waitForSelector('[data-setting="new-site"]'))!.type(SCHOOL);
    await (await options.$('[data-action="add-site"]'))!.click();
    await options.waitForSelector(`[data-site="${SCHOOL}"]`);
    assert.equal(await hasAccess(), true);

    await until(() => guardedOnSchool(school, reports), 'the guard on the added site');
    await until(async () => reports.some((r) => r.startsWith('photo-guard: sample1.jpg: 3 face(s), metadata: gps')), 'the analysis');

    await (await options.$(`[data-site="${SCHOOL}"] [data-action="remove-site"]`))!.click();
    await until(async () => !(await hasAccess()), 'the access to be revoked');
    await until(async () => !(await guardedOnSchool(school, reports)), 'the guard to leave the site');
  } finally {
    await firefox.close();
  }
});
