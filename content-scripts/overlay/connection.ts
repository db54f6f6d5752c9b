import { acceptHostPort } from '../frame-port';
import { type Decision, type HostMessage, type OverlayMessage, type OverlayRequest, withPhoto } from './protocol';

/**
 * The overlay frame's side of the private channel: once the content script's port came, waits for
 * the photos. `show` is called again with the whole request each time another photo has been checked.
 */
export function connectToHost(token: string, show: (request: OverlayRequest, decide: (d: Decision) => void) => void): void {
  acceptHostPort(token, (port) => {
    const send = (message: OverlayMessage) => port.postMessage(message);
    const decide = (decision: Decision) => send({ type: 'decision', decision });
    let request: OverlayRequest | undefined;
    port.onmessage = ({ data: message }: MessageEvent<HostMessage>) => {
      if (message.type === 'show') request = message.request;
      else if (request) request = withPhoto(request, message.index, message.photo, message.defaults);
      if (request) show(request, decide);
    };
    send({ type: 'ready' });
  });
}
