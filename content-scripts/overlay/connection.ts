import { type Decision, type HostMessage, type OverlayMessage, type OverlayRequest, PORT_MESSAGE } from './protocol';

/**
 * The overlay frame's side of the private channel: accepts the port only with the token its own
 * URL carries (the page cannot read a cross-origin frame's URL), then waits for the photos.
 */
export function connectToHost(token: string, show: (request: OverlayRequest, decide: (d: Decision) => void) => void): void {
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: string; token?: string } | null;
    if (data?.type !== PORT_MESSAGE || data.token !== token || !event.ports[0]) return;
    window.removeEventListener('message', onMessage);
    const port = event.ports[0];
    const send = (message: OverlayMessage) => port.postMessage(message);
    port.onmessage = ({ data: message }: MessageEvent<HostMessage>) => {
      if (message.type === 'show') show(message.request, (decision) => send({ type: 'decision', decision }));
    };
    send({ type: 'ready' });
  };
  window.addEventListener('message', onMessage);
}
