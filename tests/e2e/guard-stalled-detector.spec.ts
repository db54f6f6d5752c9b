import type { Page } from '@playwright/test';
import { expect, test } from '../support/composer-test';
import { fileBytes, overlayFrame, overlayShown, received, sha256 } from '../support/guard-page';
import { photo } from '../support/sites';

/**
 * Runs a script in the detector's page (Chrome's offscreen document, which Playwright does not
 * list as a page) over the DevTools protocol, through the tab's session.
 */
async function inDetectorPage(page: Page, expression: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const detector = targetInfos.find((t) => t.url.endsWith('/offscreen.html'));
    if (!detector) throw new Error('no detector page running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: detector.targetId, flatten: false });
    const answer = new Promise<string>((resolve) => cdp.on('Target.receivedMessageFromTarget', (e) => e.sessionId === sessionId && resolve(e.message)));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression } }) });
    const { result } = JSON.parse(await answer) as { result?: { exceptionDetails?: unknown } };
    if (!result || result.exceptionDetails) throw new Error(`the detector page refused the script: ${JSON.stringify(result)}`);
  } finally {
    await cdp.detach();
  }
}

// The detector workers handed a hundred thousand passes in place of the photo's few dozen: they
// are busy for half an hour and answer nothing meanwhile, as a worker stuck in the wasm would not.
const STALL = `globalThis.postToWorker = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, transfer) {
    const jobs = message?.type === 'detect' ? Array.from({ length: 100000 }, () => message.jobs[0]) : message?.jobs;
    return globalThis.postToWorker.call(this, jobs ? { ...message, jobs } : message, transfer);
  };`;
const UNSTALL = 'Worker.prototype.postMessage = globalThis.postToWorker;';

test('a detector that stops answering: the photo is shown as not checked after a minute, and the next photo is checked by new workers', async ({ composer: { page, input } }) => {
  test.setTimeout(240_000);
  await input().setInputFiles(photo('no-face-landscape.jpg')); // the detector up and running
  await expect.poll(() => received(page)).toHaveLength(1);

  await inDetectorPage(page, STALL);
  await input().setInputFiles(photo('sample1.jpg'));
  let overlay = await overlayFrame(page);
  await inDetectorPage(page, UNSTALL); // its requests are on their way: the workers are stuck already
  const card = overlay.locator('[data-guard-photo]');
  await expect(card).toHaveAttribute('data-faces', 'unknown', { timeout: 90_000 });
  await expect(card).toContainText('took too long');
  await overlay.locator('[data-action="original"]').click();
  await expect.poll(() => received(page)).toHaveLength(2);
  expect((await received(page))[1]!.sha256).toBe(sha256(fileBytes(photo('sample1.jpg'))));
  await expect.poll(() => overlayShown(page)).toBe(false);

  // Picked while the stuck workers are still being waited for: once they are given up (90 s after
  // the first unanswered request), it is checked by new ones, not reported as unreadable.
  await input().setInputFiles(photo('sample2.jpg'));
  overlay = await overlayFrame(page, 90_000);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '3', { timeout: 90_000 });
});
