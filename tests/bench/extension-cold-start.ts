import { launchWithExtension } from '../support/browser';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

/**
 * First photo after browser start, through the real extension: from the file being set on X's
 * input to the result reaching the content script (offscreen document creation, model load,
 * analysis, messaging).
 */
export async function measureExtensionColdStart(): Promise<number> {
  const context = await launchWithExtension();
  try {
    await serveSites(context);
    const page = await context.newPage();
    const reported = new Promise<number>((resolve) =>
      page.on('console', (message) => {
        if (message.text().startsWith('photo-guard:')) resolve(performance.now());
      }),
    );
    await page.goto(SITE_PAGES.x.url, { waitUntil: 'commit' });
    const started = performance.now();
    await page.locator('[data-testid="fileInput"]').setInputFiles(photo('sample1.jpg'));
    return (await reported) - started;
  } finally {
    await context.close();
  }
}
