import type { Abandon, AnalysisRequest, AnalysisResult, StandInRequest, StandInResult } from '../messaging/protocol';
import type { DetectorService } from './detector-service';

/** The detector as the extension's messages reach it: analyses named by their sender, who may abandon one. */
export interface DetectorRequests {
  analyse(request: AnalysisRequest): Promise<AnalysisResult>;
  abandon(request: Abandon): Promise<null>;
  warm(): Promise<null>;
  standIn(request: StandInRequest): Promise<StandInResult>;
}

/**
 * Abandons of no running analysis kept, newest first: most are of analyses already over (their
 * names, random, never come again), and those of analyses yet to come are met within a second.
 */
const REMEMBERED_ABANDONS = 32;

/**
 * Keeps the running analyses by name. An abandon may overtake its analysis (both wait while Chrome
 * creates the detector's document, and then race): that analysis is answered at once, unrun.
 */
export function detectorRequests(service: DetectorService): DetectorRequests {
  const running = new Map<string, AbortController>();
  const abandoned: string[] = [];
  return {
    async analyse({ image, sensitivity, id, within }) {
      if (id && abandoned.includes(id)) {
        abandoned.splice(abandoned.indexOf(id), 1);
        return { ok: false, error: 'abandoned before it started' };
      }
      const controller = new AbortController();
      if (id) running.set(id, controller);
      try {
        return await service.analyse(image, sensitivity, controller.signal, within);
      } finally {
        if (id) running.delete(id);
      }
    },
    async abandon({ id }) {
      const analysis = running.get(id);
      if (analysis) analysis.abort();
      else if (abandoned.unshift(id) > REMEMBERED_ABANDONS) abandoned.pop();
      return null;
    },
    warm: () => service.warm(),
    standIn: ({ id }) => service.standIn(id),
  };
}
