import { expect, test } from '../support/composer-test';
import { overlayFrame } from '../support/guard-page';
import { photo } from '../support/sites';

test("the choices stay in view at the window's foot, at the top of five photos and at their end", async ({ composer: { page, input } }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await input().setInputFiles([1, 2, 3, 4, 5].map((i) => photo(`sample${i}.jpg`)));
  const overlay = await overlayFrame(page);
  const dialog = overlay.locator('[data-guard="overlay"]');
  const buttons = ['protect', 'original', 'cancel'].map((action) => overlay.locator(`[data-action="${action}"]`));
  await expect(buttons[0]!).toBeEnabled({ timeout: 60_000 });
  // Five photos reach far below the window: the last photo's card is out of view.
  await expect(overlay.locator('[data-guard-photo]').last()).not.toBeInViewport();
  for (const button of buttons) await expect(button).toBeInViewport({ ratio: 1 });
  await dialog.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(overlay.locator('[data-option="strip"]')).toBeInViewport({ ratio: 1 }); // the last option is not hidden behind them
  for (const button of buttons) await expect(button).toBeInViewport({ ratio: 1 });
});
