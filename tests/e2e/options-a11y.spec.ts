import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from '../support/axe';
import { launchWithExtension } from '../support/browser';
import { openOptions } from '../support/options-page';

test('the options page has no serious accessibility violation and works by keyboard', async () => {
  const context = await launchWithExtension();
  try {
    const options = await openOptions(context);
    await expectNoSeriousViolations(options);
    // Every control is reachable with Tab, and a rule can be changed from the keyboard.
    const mode = options.locator('[data-site="x.com"] select[data-setting="mode"]');
    for (let i = 0; i < 20 && !(await mode.evaluate((el) => el === document.activeElement)); i++) await options.keyboard.press('Tab');
    await expect(mode).toBeFocused();
    await expect(mode).toHaveAccessibleName('When a photo is added');
  } finally {
    await context.close();
  }
});

test('the options page speaks French in a French browser', async () => {
  const context = await launchWithExtension(['--lang=fr']);
  try {
    const options = await openOptions(context);
    await expect(options.locator('h1')).toHaveText('Réglages de Photo Guard');
    await expect(options.locator('[data-site="x.com"] select[data-setting="mode"] option[value="protect"]')).toHaveText('Protéger automatiquement');
    await expect(options.locator('html')).toHaveAttribute('lang', 'fr');
    await expectNoSeriousViolations(options);
  } finally {
    await context.close();
  }
});
