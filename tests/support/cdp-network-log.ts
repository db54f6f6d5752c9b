import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

export interface LoggedRequest {
  /** The context that made it: page, service_worker, other (offscreen), worker, … and its document URL. */
  targetType: string;
  targetUrl: string;
  url: string;
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * Records every network request of every target in a Chromium — pages, the extension's service
 * worker and offscreen document, workers — with the context that made it. It attaches to each
 * target as it starts (paused until Network is enabled), so no early request escapes.
 * Chromium must run with --remote-debugging-port=0 and the given profile directory.
 */
export async function recordNetwork(profileDir: string): Promise<{ requests: LoggedRequest[]; stop: () => void }> {
  const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 1;
  const send = (method: string, params: object = {}, sessionId?: string) =>
    socket.send(JSON.stringify({ id: nextId++, method, params, ...(sessionId ? { sessionId } : {}) }));
  // A target's URL is often still empty when it is attached: keep the latest info by id.
  const targets = new Map<string, TargetInfo>();
  const sessions = new Map<string, string>();
  const requests: LoggedRequest[] = [];
  const autoAttach = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };

  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as CdpMessage;
    if (message.method === 'Target.attachedToTarget') {
      const { sessionId, targetInfo } = message.params as { sessionId: string; targetInfo: TargetInfo };
      sessions.set(sessionId, targetInfo.targetId);
      targets.set(targetInfo.targetId, targetInfo);
      send('Network.enable', {}, sessionId);
      send('Target.setAutoAttach', autoAttach, sessionId);
      send('Runtime.runIfWaitingForDebugger', {}, sessionId);
    } else if (message.method === 'Target.targetInfoChanged') {
      const { targetInfo } = message.params as { targetInfo: TargetInfo };
      targets.set(targetInfo.targetId, targetInfo);
    } else if (message.method === 'Network.requestWillBeSent' && message.sessionId) {
      const target = targets.get(sessions.get(message.sessionId) ?? '');
      const { request, documentURL } = message.params as { request: { url: string }; documentURL?: string };
      requests.push({ targetType: target?.type ?? '?', targetUrl: documentURL || target?.url || '?', url: request.url });
    }
  });
  send('Target.setDiscoverTargets', { discover: true });
  send('Target.setAutoAttach', autoAttach);
  return { requests, stop: () => socket.close() };
}
