import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy that answers nothing and remembers every request sent to it: plain HTTP by URL, HTTPS
 * and WebSockets by the host of their CONNECT. A browser set to use it for everything sends it
 * the traffic of pages, workers and extension pages alike.
 */
export interface ProxyWitness {
  /** Firefox preferences that route every request, localhost included, through the proxy. */
  firefoxPrefs: Record<string, string | number | boolean>;
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
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
