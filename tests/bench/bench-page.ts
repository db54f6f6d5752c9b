import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { CHROMIUM } from '../support/browser';
import type { BenchApi } from './page';

export const WIDER_DIR = resolve('../shared/widerface-dev');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.html': 'text/html',
};

/** Folders the bench page may read, by URL prefix. */
const MOUNTS: Record<string, string> = {
  '/ext/': resolve('.output/chrome-mv3'),
  '/photos/': resolve('tests/fixtures/photos'),
  '/wider/': WIDER_DIR,
};

/**
 * Serves the bench page and the files it reads from 127.0.0.1 (a secure context, as an extension's
 * pages are). Not through Playwright's request interception: that carries every body over the
 * DevTools protocol, where MediaPipe's 11.5 MB wasm took about 0.4 s to arrive (compiling it takes
 * 0.05 s), which a cold start would count though an extension reads it from its own package.
 */
async function serve(page: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const send = (status: number, type: string, body: string | Buffer) => response.writeHead(status, { 'content-type': type }).end(body);
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === '/') return send(200, 'text/html', '<script type="module" src="/page.js"></script>');
    if (path === '/page.js') return send(200, 'text/javascript', page);
    const mount = Object.keys(MOUNTS).find((prefix) => path.startsWith(prefix));
    const file = mount && resolve(MOUNTS[mount]!, `.${path.slice(mount.length - 1)}`);
    if (!mount || !file || !file.startsWith(MOUNTS[mount]!) || !existsSync(file)) return send(404, 'text/plain', 'not found');
    return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A plain Chromium page running the extension's analyser, everything served locally. */
export async function openBenchPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  if (!existsSync(join(MOUNTS['/ext/']!, 'manifest.json'))) throw new Error('run `npm run build` first');
  const bundle = await build({
    entryPoints: ['tests/bench/page.ts'],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'error',
  });
  const { origin, server } = await serve(bundle.outputFiles[0]!.text);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'bench' in globalThis);
  return { page, close: () => browser.close().finally(() => server.close()) };
}

type Remote<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

/** The bench page's `bench` object, called from Node: the same methods, each run in the page. */
export function benchApi(page: Page): Remote<BenchApi> {
  type InPage = { bench: Record<string, (...args: unknown[]) => unknown> };
  return new Proxy({} as Remote<BenchApi>, {
    get: (_, name: string) => (...args: unknown[]) =>
      page.evaluate(([method, values]) => (globalThis as unknown as InPage).bench[method]!(...values), [name, args] as const),
  });
}
