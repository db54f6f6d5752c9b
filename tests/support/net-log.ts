import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NetRequest {
  url: string;
  method: string;
  /** The origin of the context that asked (a page, a worker, the extension), or "not an origin" for Chromium itself. */
  initiator: string;
}

interface NetLogFile {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; method?: string; initiator?: string } }[];
}

/**
 * Chromium's own NetLog: every URL request its network stack starts, from any page, worker,
 * service worker or extension document of the profile, without a debugger pausing anything.
 * Requests a test answers with `route.fulfill` never reach the network stack and so are not in it.
 * The file is complete once the browser has closed.
 */
export function netLog(): { args: string[]; requests: () => NetRequest[] } {
  const file = join(mkdtempSync(join(tmpdir(), 'photo-guard-netlog-')), 'netlog.json');
  return {
    args: [`--log-net-log=${file}`],
    requests() {
      const log = JSON.parse(readFileSync(file, 'utf8')) as NetLogFile;
      const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
      return log.events.flatMap(({ type, params }) =>
        type === startJob && params?.url
          ? [{ url: params.url, method: params.method ?? '?', initiator: params.initiator ?? 'not an origin' }]
          : [],
      );
    },
  };
}
