// How the extension bench picks photos on a fixture composer and times what follows.
import type { Frame, Page } from '@playwright/test';
import { basename } from 'node:path';
import type { Received } from '../support/guard-page';

export const X_INPUT = '[data-testid="fileInput"]';

/**
 * The composer reloaded, as a person opens it: the frames the guard loads for it (the courier, the
 * next window's) loaded before a photo is picked, as they are once a file dialog has been used.
 */
export async function composerAgain(page: Page): Promise<void> {
  await page.reload();
  await page.waitForTimeout(1000);
}

/**
 * Picks a photo on X's input and returns how long until the site got it, timed by the page's own
 * clock. Asking the page from here every few milliseconds whether it had arrived took most of a
 * core on a 2-core machine, from the detector being timed (pass-through measured 1.3 s that way,
 * about 0.7 s without).
 */
export async function pickToDelivery(page: Page, path: string, input = X_INPUT): Promise<number> {
  // Seen by the page's own mutation events, not by asking from here.
  const falseAlarm = page
    .evaluate(
      () =>
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        new Promise<void>((resolve) => {
          new MutationObserver((_, observer) => {
            if (![...document.querySelectorAll<HTMLElement>('photo-guard-overlay')].some((host) => host.style.display !== 'none')) return;
            observer.disconnect();
            resolve();
          }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
        }),
    )
    .then(() => Promise.reject(new Error(`${basename(path)} has nothing to report, but was held for the user: a false alarm`)));
  falseAlarm.catch(() => undefined); // once delivered, left waiting until the page goes
  const delivered = untilDelivered(page, () => page.locator(input).setInputFiles(path)).catch((error: Error) => {
    throw new Error(`${basename(path)} did not reach the site: ${error.message}`);
  });
  return Promise.race([delivered, falseAlarm]);
}

/**
 * The frame the next decision window shows in: the one the guard loaded ahead of it (hidden, no
 * window in it yet), or else the next to load. Asked before the photo is picked.
 */
export async function nextOverlayFrame(page: Page): Promise<{ shown: Promise<Frame> }> {
  const isOverlay = (frame: Frame) => frame.url().includes('/overlay.html');
  const next = page.waitForEvent('framenavigated', { predicate: isOverlay, timeout: 0 });
  next.catch(() => undefined); // left waiting, when a frame was ready, until the page goes
  for (const frame of page.frames().filter(isOverlay)) {
    const used = await frame.evaluate(() => !!document.querySelector('[data-guard="overlay"]')).catch(() => true);
    if (!used) return { shown: Promise.resolve(frame) };
  }
  return { shown: next };
}

/** How long, by the page's own clock, from `act` to the site's receiving a file (see `pickToDelivery`). */
export async function untilDelivered(page: Page, act: () => Promise<void>): Promise<number> {
  type Stub = { received: Received[] };
  const { count, started } = await page.evaluate(() => ({ count: (window as unknown as Stub).received.length, started: performance.now() }));
  await act();
  await page.waitForFunction((n) => (window as unknown as Stub).received.length > n, count, { polling: 250, timeout: 60_000 });
  return (await page.evaluate((n) => (window as unknown as Stub).received[n]!.at, count)) - started;
}
