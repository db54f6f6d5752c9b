import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy that answers nothing and remembers every request the browser sent it. Chromium started
 * with `--proxy-server` pointing here routes the whole browser's traffic through it (pages,
 * service workers, offscreen documents), so an empty list means no context reached the network.
 */
export interface ProxyWitness {
  args: string[];
  requests: string[];
  close(): Promise<void>;
}

export async function startProxyWitness(): Promise<ProxyWitness> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(502).end();
  });
  server.on('connect', (request, socket) => {
    requests.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // <-loopback> removes Chromium's implicit bypass, so even local requests are seen.
    args: [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>'],
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
