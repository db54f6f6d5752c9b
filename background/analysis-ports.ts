import { browser } from 'wxt/browser';
import { ANALYSIS_PORT } from '../messaging/protocol';
import type { DetectorRequests } from '../models/detector-requests';
import { isOwnDocument } from './sender';

/** Abandons an extension page's analysis when the port it held open for it closes (see ANALYSIS_PORT). */
export function abandonWhenPortsClose(faces: Promise<DetectorRequests>): void {
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(ANALYSIS_PORT) || !port.sender || !isOwnDocument(port.sender)) return;
    const id = port.name.slice(ANALYSIS_PORT.length);
    // Also when the answer came first: the abandon of an analysis over is forgotten in turn.
    port.onDisconnect.addListener(() => void faces.then((detector) => detector.abandon({ id })));
  });
}
