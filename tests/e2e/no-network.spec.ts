import { expect, test } from '@playwright/test';
import { launchWithExtension } from '../support/browser';
import { netLog } from '../support/net-log';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

test('analysing photos makes no network request from any context', async () => {
  const log = netLog();
  const context = await launchWithExtension(log.args);
  const control = 'https://control.invalid/from-the-page';
  try {
    await serveSites(context);
    const page = await context.newPage();
    const reports: string[] = [];
    page.on('console', (m) => m.text().startsWith('photo-guard:') && reports.push(m.text()));
    await page.goto(SITE_PAGES.x.url);
    // A HEIC too: libheif's worker is started for it, and must fetch nothing but its own wasm.
    await page.locator('[data-testid="fileInput"]').setInputFiles([photo('sample2.jpg'), photo('sample4.jpg'), photo('sample2.heic')]);
    // The first analyses in a new browser: up to a minute, as the other first-photo waits allow.
    await expect.poll(() => reports, { timeout: 60_000 }).toHaveLength(3);
    expect(reports.join('\n')).toMatch(/sample2\.jpg: 3 face/);
    expect(reports.join('\n')).toMatch(/sample2\.heic: 3 face/);
    // A request the log must show, or an empty list of the extension's requests would prove nothing.
    await page.evaluate((url) => fetch(url).catch(() => undefined), control);
  } finally {
    await context.close();
  }
  const requests = log.requests();
  expect(requests).toContainEqual(expect.objectContaining({ url: control, initiator: 'https://x.com' }));
  // Chromium's own service calls (account and update checks, unreachable here) have no initiating
  // origin; anything a page, worker or extension context asked for has one.
  const fromContexts = requests.filter((r) => r.initiator !== 'not an origin' && r.url !== control);
  expect(fromContexts).toEqual([]);
});
