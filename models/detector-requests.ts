import type { Abandon, AnalysisRequest, AnalysisResult } from '../messaging/protocol';
import type { DetectorService } from './detector-service';

/** The detector as the extension's messages reach it: analyses named by their sender, who may abandon one. */
export interface DetectorRequests {
  analyse(request: AnalysisRequest): Promise<AnalysisResult>;
  abandon(request: Abandon): Promise<null>;
  warm(): Promise<null>;
}

/**
 * Keeps the running analyses by name. An abandon that overtakes its analysis (sent while Chrome
 * was still creating the detector's document) finds nothing, and that analysis runs to its end.
 */
export function detectorRequests(service: DetectorService): DetectorRequests {
  const running = new Map<string, AbortController>();
  return {
    async analyse({ image, sensitivity, id }) {
      const controller = new AbortController();
      if (id) running.set(id, controller);
      try {
        return await service.analyse(image, sensitivity, controller.signal);
      } finally {
        if (id) running.delete(id);
      }
    },
    async abandon({ id }) {
      running.get(id)?.abort();
      return null;
    },
    warm: () => service.warm(),
  };
}
