import { chromium, type BrowserContext, type CDPSession } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Flags that keep Chromium from calling Google services, so any request seen is ours. */
const QUIET = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--no-pings',
];

export const newProfileDir = () => mkdtempSync(join(tmpdir(), 'photo-guard-'));

/**
 * A copy of the built extension that already holds access to `hosts`, as if the user had allowed
 * it: Chromium's permission prompt cannot be answered by automation, and `permissions.request`
 * for access already held resolves at once. Everything after the prompt runs as shipped.
 */
export function extensionGranting(hosts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'photo-guard-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(...hosts.flatMap((host) => [`https://${host}/*`, `http://${host}/*`]));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** Debian Chromium, quiet, in the new headless mode (which runs extensions). */
const launch = (profileDir: string, args: string[], options: { ignoreDefaultArgs?: string[] } = {}): Promise<BrowserContext> =>
  chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: false, ...options, args: ['--headless=new', '--no-sandbox', ...QUIET, ...args] });

/** Debian Chromium with the built extension loaded, as a user would run it. */
export function launchWithExtension(extraArgs: string[] = [], profileDir = newProfileDir(), extensionDir = EXTENSION_DIR): Promise<BrowserContext> {
  return launch(profileDir, [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...extraArgs]);
}

/**
 * Chromium with extensions allowed but none loaded yet, for `loadExtension`: a browser whose tabs
 * were open before the extension was installed.
 */
export function launchBeforeInstall(profileDir = newProfileDir()): Promise<BrowserContext> {
  // Playwright turns extensions off unless told which to load at launch.
  return launch(profileDir, [LOADING_LATER], { ignoreDefaultArgs: ['--disable-extensions'] });
}

/** Lets `loadExtension` load one over the DevTools protocol (pass it to `launchWithExtension` to update one). */
export const LOADING_LATER = '--enable-unsafe-extension-debugging';

/**
 * Loads an unpacked extension into the running browser, as a user installing it would; loaded
 * again from the same folder, it is updated (reloaded, with `runtime.onInstalled` reason "update").
 */
export const loadExtension = async (context: BrowserContext, dir: string): Promise<string> =>
  (await browserCall(context, (cdp) => cdp.send('Extensions.loadUnpacked', { path: dir }))).id;

/** Removes an extension `loadExtension` loaded, as a user would, leaving its tabs open. */
export const uninstallExtension = (context: BrowserContext, id: string) => browserCall(context, (cdp) => cdp.send('Extensions.uninstall', { id }));

/** One call on a DevTools session with the browser itself (not a page). */
async function browserCall<T>(context: BrowserContext, call: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  try {
    return await call(cdp);
  } finally {
    await cdp.detach();
  }
}

export async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/**
 * The target id of the detector's document, once a guard has asked for it (a guard warms the
 * detector when its page shows a file input): how a test knows that a guard it injected runs.
 */
export async function detectorDocument(context: BrowserContext): Promise<string | null> {
  const { targetInfos } = await browserCall(context, (cdp) => cdp.send('Target.getTargets'));
  return targetInfos.find((target) => target.url.endsWith('/offscreen.html'))?.targetId ?? null;
}
