import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/channel';
import { ANALYSIS_ANSWERED, ANALYSIS_PORT } from '../messaging/protocol';
import { messagePort } from './detector-port';

/** The detector as the guard and the popup reach it: through the background, each wait held by a port. */
export const extensionDetector = messagePort(
  {
    analyse: (request) => sendMessage('analyse', request),
    abandon: (request) => sendMessage('abandon', request),
    warm: () => sendMessage('warm', {}),
  },
  (id) => {
    const port = browser.runtime.connect({ name: `${ANALYSIS_PORT}${id}` });
    return () => {
      port.postMessage(ANALYSIS_ANSWERED);
      port.disconnect();
    };
  },
);
