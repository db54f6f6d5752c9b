import type axe from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
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

    // AxeBuilder does not reach into an extension frame; axe-core runs inside it directly.
    await overlay.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const results = await overlay.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document));
    expect(results.passes.length).toBeGreaterThan(10);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

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
  } finally {
    await context.close();
  }
});
