import { browser } from 'wxt/browser';
import type { ImageCarrier } from '../messaging/carried-image';
import { sendMessage } from '../messaging/channel';
import { messagePort, portHold } from './detector-port';

/** The detector as the guard and the popup reach it: through the background, each wait held by a port. */
export const extensionDetector = (carrier: ImageCarrier) =>
  messagePort(
    {
      analyse: (request) => sendMessage('analyse', request),
      abandon: (request) => sendMessage('abandon', request),
      warm: () => sendMessage('warm', {}),
      standIn: (request) => sendMessage('stand-in', request),
    },
    portHold((name) => browser.runtime.connect({ name })),
    carrier,
  );
