import { handleMessages } from '../messaging/channel';
import { createDetectorService } from '../models/detector-service';
import { DETECTOR_IDLE_MS, detectorAssets } from './detector-assets';
import { requireExtensionPage } from './sender';

/** The offscreen document's whole job: answer the background's detector requests. */
export function startOffscreenHost(): void {
  // Closing the document when idle frees the wasm heap; the background recreates it on need.
  const service = createDetectorService(detectorAssets(), { idleMs: DETECTOR_IDLE_MS, onRelease: () => window.close() });
  handleMessages({
    'detector:analyse': async ({ image, sensitivity }, sender) => {
      requireExtensionPage(sender);
      return service.analyse(image, sensitivity);
    },
    'detector:warm': async (_, sender) => {
      requireExtensionPage(sender);
      return service.warm();
    },
  });
}
