// `npm run demo`: a Chromium window with the built extension, on a local copy of X's composer
// served at its real URL (nothing is fetched from the internet). Close the window to stop.
import { chromium } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR, newProfileDir } from '../support/browser';
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
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(SITE_PAGES.x.url);
await page.locator('[data-testid="fileInput"]').waitFor({ state: 'attached' });
console.log(`Demo composer open at ${SITE_PAGES.x.url}. Add a photo; close the window to stop.`);
await new Promise<void>((resolve) => context.on('close', () => resolve()));
