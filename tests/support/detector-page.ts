import type { Page } from '@playwright/test';

/**
 * Runs a script in the detector's page (Chrome's offscreen document, which Playwright does not
 * list as a page) over the DevTools protocol, through the tab's session; gives back its value
 * (a promise's, once settled).
 */
export async function inDetectorPage(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const detector = targetInfos.find((t) => t.url.endsWith('/offscreen.html'));
    if (!detector) throw new Error('no detector page running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: detector.targetId, flatten: false });
    const answer = new Promise<string>((resolve) => cdp.on('Target.receivedMessageFromTarget', (e) => e.sessionId === sessionId && resolve(e.message)));
    const message = { id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } };
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) });
    const { result } = JSON.parse(await answer) as { result?: { result?: { value?: unknown }; exceptionDetails?: unknown } };
    if (!result || result.exceptionDetails) throw new Error(`the detector page refused the script: ${JSON.stringify(result)}`);
    return result.result?.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * Changes, in the detector's page, what its workers are sent: `body` is that of a function of
 * (message, transfer) that posts with `send(message, transfer)`. Undone by `unwrapWorkerMessages`,
 * which every test that wraps must call: the browser, and so the detector's page, outlives a test.
 */
export const wrapWorkerMessages = (page: Page, body: string) =>
  inDetectorPage(
    page,
    `globalThis.postToWorker ??= Worker.prototype.postMessage;
     Worker.prototype.postMessage = function (message, transfer) {
       const send = (m, t) => globalThis.postToWorker.call(this, m, t);
       ${body}
     };`,
  );

export const unwrapWorkerMessages = (page: Page) =>
  inDetectorPage(page, 'if (globalThis.postToWorker) Worker.prototype.postMessage = globalThis.postToWorker; delete globalThis.postToWorker;');

/** Counts, in the detector's page, the rounds of passes it sends its workers (see `wrapWorkerMessages`). */
export const COUNT_ROUNDS = `if (message?.type === 'detect') globalThis.rounds = (globalThis.rounds ?? 0) + 1;
  return send(message, transfer);`;
export const rounds = async (page: Page) => Number((await inDetectorPage(page, 'globalThis.rounds')) ?? 0);
export const resetRounds = (page: Page) => inDetectorPage(page, 'globalThis.rounds = 0');
