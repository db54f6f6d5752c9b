import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from '../support/axe';
import { launchWithExtension } from '../support/browser';
import { overlayFrame } from '../support/guard-page';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

test('the overlay has no serious accessibility violation and works by keyboard', async () => {
  const context = await launchWithExtension();
  try {
    await serveSites(context);
    const page = await context.newPage();
    await page.goto(SITE_PAGES.x.url);
    await page.locator('[data-testid="fileInput"]').setInputFiles([photo('sample1.jpg'), photo('no-face-plasma.jpg')]);
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-guard="overlay"]')).toHaveAttribute('role', 'dialog');

    await expectNoSeriousViolations(overlay);

    // Focus starts on "Protect and post" and Tab cycles inside the dialog.
    await expect(overlay.locator('[data-action="protect"]')).toBeFocused();
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    const focusedInside = await overlay.evaluate(() => !!document.activeElement?.closest('[data-guard="overlay"]'));
    expect(focusedInside).toBe(true);
  } finally {
    await context.close();
  }
});

test('the overlay speaks French in a French browser', async () => {
  const context = await launchWithExtension(['--lang=fr']);
  try {
    await serveSites(context);
    const page = await context.newPage();
    await page.goto(SITE_PAGES.x.url);
    await page.locator('[data-testid="fileInput"]').setInputFiles(photo('sample1.jpg'));
    const overlay = await overlayFrame(page);
    await expect(overlay.locator('[data-action="protect"]')).toHaveText('Protéger et publier');
    await expect(overlay.locator('[data-guard-photo] figcaption')).toHaveText('3 visages trouvés');
    await expect(overlay.locator('html')).toHaveAttribute('lang', 'fr');
  } finally {
    await context.close();
  }
});
