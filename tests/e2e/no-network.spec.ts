import { expect, test } from '@playwright/test';
import { extensionId, launchWithExtension, newProfileDir } from '../support/browser';
import { recordNetwork } from '../support/cdp-network-log';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

test('analysing photos makes no network request from any context', async () => {
  const profile = newProfileDir();
  const context = await launchWithExtension(['--remote-debugging-port=0'], profile);
  const log = await recordNetwork(profile);
  try {
    await serveSites(context);
    const id = await extensionId(context);
    const page = await context.newPage();
    const reports: string[] = [];
    page.on('console', (m) => m.text().startsWith('photo-guard:') && reports.push(m.text()));
    await page.goto(SITE_PAGES.x.url);
    await page.locator('[data-testid="fileInput"]').setInputFiles([photo('sample2.jpg'), photo('sample4.jpg')]);
    // The first analyses in a new browser, with every target under the network log: up to a minute,
    // as the other first-photo waits allow.
    await expect.poll(() => reports, { timeout: 60_000 }).toHaveLength(2);
    expect(reports.join('\n')).toMatch(/sample2\.jpg: 3 face/);

    // The log must have seen the extension's offscreen document load its own files, or an
    // empty list of outside requests would prove nothing.
    const fromExtension = log.requests.filter((r) => r.targetUrl.startsWith(`chrome-extension://${id}/`));
    expect(fromExtension.map((r) => r.url)).toContainEqual(expect.stringMatching(/vision_wasm_internal\.wasm$/));
    const network = log.requests.filter((r) => /^(https?|wss?):/.test(r.url) && r.url !== SITE_PAGES.x.url);
    expect(network).toEqual([]);
  } finally {
    log.stop();
    await context.close();
  }
});
