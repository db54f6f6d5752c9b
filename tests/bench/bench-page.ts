import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { CHROMIUM } from '../support/browser';
import type { BenchApi } from './page';

export const ORIGIN = 'https://bench.photo-guard.test';
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
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      return route.fulfill({ contentType: 'text/html', body: '<script type="module" src="/page.js"></script>' });
    }
    if (path === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text });
    const mount = Object.keys(MOUNTS).find((prefix) => path.startsWith(prefix));
    if (!mount) return route.fulfill({ status: 404 });
    const file = join(MOUNTS[mount]!, decodeURIComponent(path.slice(mount.length)));
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'bench' in globalThis);
  return { page, close: () => browser.close() };
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
