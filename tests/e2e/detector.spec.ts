import { expect, test } from '@playwright/test';
import { launchWithExtension } from '../support/browser';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

test('a photo picked in X\'s file input is analysed in the offscreen document', async () => {
  const context = await launchWithExtension();
  try {
    await serveSites(context);
    const page = await context.newPage();
    const reports: string[] = [];
    page.on('console', (message) => {
      if (message.text().startsWith('photo-guard:')) reports.push(message.text());
    });
    await page.goto(SITE_PAGES.x.url);
    await page.locator('[data-testid="fileInput"]').setInputFiles(photo('sample1.jpg'));
    await expect.poll(() => reports).toHaveLength(1);
    console.log(reports);
  } finally {
    await context.close();
  }
});
