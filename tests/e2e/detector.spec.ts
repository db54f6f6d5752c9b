import { expect, test } from '@playwright/test';
import { annotatedPhotos } from '../support/annotations';
import { launchWithExtension } from '../support/browser';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

test("photos picked in X's file input are analysed by the offscreen detector, with the right face counts", async () => {
  const context = await launchWithExtension();
  try {
    await serveSites(context);
    const page = await context.newPage();
    const reports = new Map<string, string>();
    page.on('console', (message) => {
      const match = /^photo-guard: (.+?): (.*)$/.exec(message.text());
      if (match) reports.set(match[1]!, match[2]!);
    });
    await page.goto(SITE_PAGES.x.url);
    const photos = annotatedPhotos();
    await page.locator('[data-testid="fileInput"]').setInputFiles(photos.map((p) => photo(p.file)));
    await expect.poll(() => reports.size).toBe(photos.length);
    for (const { file, faces } of photos) {
      expect(reports.get(file), file).toMatch(new RegExp(`^${faces.length} face\\(s\\), metadata: `));
    }
  } finally {
    await context.close();
  }
});
