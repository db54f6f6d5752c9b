import { handleMessages } from '../messaging/channel';
import { parcelDesk } from '../messaging/parcels';
import { detectorRequests } from '../models/detector-requests';
import { createDetectorService } from '../models/detector-service';
import { DETECTOR_IDLE_MS, detectorAssets } from './detector-assets';
import { requireExtensionPage } from './sender';

/** The offscreen document's whole job: answer the background's detector requests. */
export function startOffscreenHost(): void {
  // Closing the document when idle frees the wasm heap; the background recreates it on need.
  const options = { idleMs: DETECTOR_IDLE_MS, onRelease: () => window.close(), parcels: parcelDesk() };
  const detector = detectorRequests(createDetectorService(detectorAssets(), options));
  handleMessages({
    'detector:analyse': async (request, sender) => {
      requireExtensionPage(sender);
      return detector.analyse(request);
    },
    'detector:abandon': async (request, sender) => {
      requireExtensionPage(sender);
      return detector.abandon(request);
    },
    'detector:warm': async (_, sender) => {
      requireExtensionPage(sender);
      return detector.warm();
    },
    'detector:stand-in': async (request, sender) => {
      requireExtensionPage(sender);
      return detector.standIn(request);
    },
  });
}
