// Writes docs/overlay.png for the README: the overlay on the X fixture with a demo photo.
import { launchWithExtension } from '../support/browser';
import { overlayFrame } from '../support/guard-page';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

const context = await launchWithExtension(['--window-size=1280,900']);
try {
  await serveSites(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 860 });
  await page.goto(SITE_PAGES.x.url);
  await page.locator('[data-testid="fileInput"]').setInputFiles([photo('sample1.jpg'), photo('sample5.jpg')]);
  const overlay = await overlayFrame(page);
  await overlay.locator('[data-guard-photo][data-faces="5"]').waitFor();
  await overlay.locator('img').nth(1).evaluate((img: HTMLImageElement) => img.decode());
  await page.screenshot({ path: 'docs/overlay.png' });
} finally {
  await context.close();
}
