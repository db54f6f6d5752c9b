import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/channel';
import type { DetectorRequests } from '../models/detector-requests';

const DOCUMENT_PATH = '/offscreen.html';

/**
 * Chrome's service worker has no DOM, canvas or long life, so the detector lives in an offscreen
 * document created on first need. The document closes itself when idle; a request that races
 * with that close recreates it once.
 */
export function offscreenDetector(): DetectorRequests {
  let creating: Promise<void> | null = null;

  const ensureDocument = async (): Promise<void> => {
    if (await browser.offscreen.hasDocument()) return;
    creating ??= browser.offscreen
      .createDocument({
        url: DOCUMENT_PATH,
        reasons: ['BLOBS'],
        justification: 'Detects faces in photos the user is about to post, on the device.',
      })
      .finally(() => (creating = null));
    await creating;
  };

  const forward = async <T>(send: () => Promise<T>): Promise<T> => {
    await ensureDocument();
    try {
      return await send();
    } catch {
      await ensureDocument();
      return send();
    }
  };

  return {
    analyse: (request) => forward(() => sendMessage('detector:analyse', request)),
    // No document, no analysis to stop: none is created for this. One being created may be for
    // the very analysis abandoned, which then must be told.
    abandon: async (request) => {
      await creating?.catch(() => undefined);
      return (await browser.offscreen.hasDocument()) ? sendMessage('detector:abandon', request) : null;
    },
    warm: () => forward(() => sendMessage('detector:warm', {})),
    // Kept by the document: with none, there is nothing to give.
    standIn: async (request) =>
      (await browser.offscreen.hasDocument()) ? sendMessage('detector:stand-in', request) : { ok: false, error: 'the detector closed' },
  };
}
