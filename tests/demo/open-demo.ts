// `npm run demo`: a Chromium window with the built extension, on local copies of X's composer and
// of pages of posted photos, served at their real URLs (nothing is fetched from the internet).
// Close the window to stop.
import { chromium } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR, newProfileDir } from '../support/browser';
import { POSTED_PAGES, servePostedPhotos } from '../support/posted-photos';
import { serveSites, SITE_PAGES } from '../support/sites';

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('npm run demo opens a browser window: run it in a desktop session (or under xvfb-run).');
  process.exit(1);
}
const context = await chromium.launchPersistentContext(newProfileDir(), {
  executablePath: CHROMIUM,
  headless: false,
  viewport: null,
  args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-first-run'],
});
// Anything else the page asks for is refused: the demo runs offline. (Playwright tries routes in
// reverse order of registration, so the fixture sites registered next take precedence.)
await context.route(/^https?:/, (route) => route.abort());
await serveSites(context);
await servePostedPhotos(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(SITE_PAGES.x.url);
await page.locator('[data-testid="fileInput"]').waitFor({ state: 'attached' });
console.log(`Demo composer open at ${SITE_PAGES.x.url}: add a photo to see the guard.`);
console.log(`Posted photos to scan with the toolbar button: ${POSTED_PAGES.x.url}, ${POSTED_PAGES.instagram.url}, ${POSTED_PAGES.facebook.url}`);
console.log(`Other fixtures: ${Object.values(SITE_PAGES).map((p) => p.url).join(', ')}. Close the window to stop.`);
await new Promise<void>((resolve) => context.on('close', () => resolve()));
