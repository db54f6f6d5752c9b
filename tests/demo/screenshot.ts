// Writes the README's screenshots: docs/overlay.png (the decision overlay on the X fixture),
// docs/popup.png (the popup after scanning the X media fixture) and docs/options.png.
import { launchWithExtension } from '../support/browser';
import { overlayFrame } from '../support/guard-page';
import { openOptions } from '../support/options-page';
import { openPopupOn, scanToTheEnd } from '../support/popup-page';
import { POSTED_PAGES, servePostedPhotos } from '../support/posted-photos';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

const context = await launchWithExtension(['--window-size=1280,900']);
try {
  await serveSites(context);
  await servePostedPhotos(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 860 });
  await page.goto(SITE_PAGES.x.url);
  await page.locator('[data-testid="fileInput"]').setInputFiles([photo('sample1.jpg'), photo('sample5.jpg')]);
  const overlay = await overlayFrame(page);
  await overlay.locator('[data-guard-photo][data-faces="5"]').waitFor();
  await overlay.locator('img').nth(1).evaluate((img: HTMLImageElement) => img.decode());
  await page.screenshot({ path: 'docs/overlay.png' });

  await (await context.newPage()).goto(POSTED_PAGES.x.url);
  const popup = await openPopupOn(context, POSTED_PAGES.x.url);
  await popup.setViewportSize({ width: 420, height: 640 });
  await scanToTheEnd(popup);
  await popup.screenshot({ path: 'docs/popup.png' });

  const options = await openOptions(context);
  await options.setViewportSize({ width: 820, height: 1000 });
  await options.screenshot({ path: 'docs/options.png', fullPage: true });
} finally {
  await context.close();
}
