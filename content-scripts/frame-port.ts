/** The first message a content script posts into its private frame, carrying the channel's port. */
export const PORT_MESSAGE = 'photo-guard:port';

/**
 * The frame's side of a private channel (see private-frame.ts): the port is accepted only with the
 * token the frame's own URL carries, which the page cannot read from a cross-origin frame.
 */
export function acceptHostPort(token: string, connected: (port: MessagePort) => void): void {
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: string; token?: string } | null;
    if (data?.type !== PORT_MESSAGE || data.token !== token || !event.ports[0]) return;
    window.removeEventListener('message', onMessage);
    connected(event.ports[0]);
  };
  window.addEventListener('message', onMessage);
}
