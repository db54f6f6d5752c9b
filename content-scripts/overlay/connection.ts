import { type Decision, type HostMessage, type OverlayMessage, type OverlayRequest, PORT_MESSAGE, withPhoto } from './protocol';

/**
 * The overlay frame's side of the private channel: accepts the port only with the token its own
 * URL carries (the page cannot read a cross-origin frame's URL), then waits for the photos.
 * `show` is called again with the whole request each time another photo has been checked.
 */
export function connectToHost(token: string, show: (request: OverlayRequest, decide: (d: Decision) => void) => void): void {
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: string; token?: string } | null;
    if (data?.type !== PORT_MESSAGE || data.token !== token || !event.ports[0]) return;
    window.removeEventListener('message', onMessage);
    const port = event.ports[0];
    const send = (message: OverlayMessage) => port.postMessage(message);
    const decide = (decision: Decision) => send({ type: 'decision', decision });
    let request: OverlayRequest | undefined;
    port.onmessage = ({ data: message }: MessageEvent<HostMessage>) => {
      if (message.type === 'show') request = message.request;
      else if (request) request = withPhoto(request, message.index, message.photo, message.defaults);
      if (request) show(request, decide);
    };
    send({ type: 'ready' });
  };
  window.addEventListener('message', onMessage);
}
