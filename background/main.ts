import { handleMessages } from '../messaging/channel';
import { abandonWhenPortsClose } from './analysis-ports';
import { type DetectorRequests, detectorRequests } from '../models/detector-requests';
import { guardedCustomSites, keepCustomSitesRegistered } from './custom-sites';
import { DETECTOR_IDLE_MS, detectorAssets } from './detector-assets';
import { offscreenDetector } from './offscreen-detector';
import { guardOpenTabsOnInstall } from './open-tabs';

/**
 * Firefox has no offscreen API but keeps a real background page, which can host the detector.
 * The build-time flag and the dynamic import keep MediaPipe out of Chrome's service worker.
 */
async function detector(): Promise<DetectorRequests> {
  if (!import.meta.env.FIREFOX) return offscreenDetector();
  const { createDetectorService } = await import('../models/detector-service');
  return detectorRequests(createDetectorService(detectorAssets(), { idleMs: DETECTOR_IDLE_MS }));
}

export function startBackground(): void {
  const faces = detector();
  // Registered synchronously: Chrome only wakes the worker for listeners added in the first turn.
  handleMessages({
    analyse: async (request) => (await faces).analyse(request),
    abandon: async (request) => (await faces).abandon(request),
    warm: async () => (await faces).warm(),
    'stand-in': async (request) => (await faces).standIn(request),
  });
  abandonWhenPortsClose(faces);
  keepCustomSitesRegistered();
  if (!import.meta.env.FIREFOX) guardOpenTabsOnInstall(guardedCustomSites);
}
