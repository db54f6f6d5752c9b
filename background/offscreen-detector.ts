import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/channel';
import type { DetectorService } from '../models/detector-service';

const DOCUMENT_PATH = '/offscreen.html';

/**
 * Chrome's service worker has no DOM, canvas or long life, so the detector lives in an offscreen
 * document created on first need. The document closes itself when idle; a request that races
 * with that close recreates it once.
 */
export function offscreenDetector(): DetectorService {
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
    analyse: (image, sensitivity) => forward(() => sendMessage('detector:analyse', { image, sensitivity })),
    warm: () => forward(() => sendMessage('detector:warm', {})),
  };
}
