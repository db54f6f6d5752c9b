import { browser } from 'wxt/browser';
import { ANALYSIS_ANSWERED, ANALYSIS_PORT } from '../messaging/protocol';
import type { DetectorRequests } from '../models/detector-requests';

/** Abandons a page's analysis when the port it held open for it closes unanswered (see ANALYSIS_PORT). */
export function abandonWhenPortsClose(faces: Promise<DetectorRequests>): void {
  browser.runtime.onConnect.addListener((port) => {
    // onConnect hears this extension's pages and content scripts only; the id checks it as messages are.
    if (!port.name.startsWith(ANALYSIS_PORT) || port.sender?.id !== browser.runtime.id) return;
    const id = port.name.slice(ANALYSIS_PORT.length);
    let answered = false;
    port.onMessage.addListener((message) => (answered ||= message === ANALYSIS_ANSWERED));
    port.onDisconnect.addListener(() => answered || void faces.then((detector) => detector.abandon({ id })));
  });
}
