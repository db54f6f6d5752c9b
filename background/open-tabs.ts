import { browser } from 'wxt/browser';
import { SITES } from '../content-scripts/sites/registry';
import { originsOf } from '../settings/schema';

/** The built guard and its page-world bridge. */
export const GUARD_SCRIPT = '/content-scripts/guard.js';
export const BRIDGE_SCRIPT = '/content-scripts/trust-bridge.js';

/**
 * Chrome runs content scripts only in pages loaded after the extension was installed or updated.
 * Tabs open before (a feed left open for days) would post photos unchecked after an install, and
 * after an update hold only the old guard, cut off from the extension (it then steps aside). So
 * every guarded site's open tab is given the guard at once, as a reload would. Firefox does this
 * itself. `customSites`: the sites the user added that the guard runs on.
 */
export function guardOpenTabsOnInstall(customSites: () => Promise<string[]>): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    void customSites()
      .then((hosts) => guardOpenTabs([...SITES.flatMap((site) => site.hosts), ...hosts]))
      .catch((error: unknown) => console.error('photo-guard: open tabs', error));
  });
}

/**
 * The guard in the open tabs of these sites. A discarded tab is left alone: it loads anew, guard
 * included, when it is next shown.
 */
export async function guardOpenTabs(hosts: string[]): Promise<void> {
  if (!hosts.length) return;
  const tabs = await browser.tabs.query({ url: hosts.flatMap(originsOf) });
  const guarded = new Set(hosts);
  // One tab failing (closed meanwhile, showing an error page) leaves the others guarded.
  await Promise.all(tabs.map((tab) => (tab.id === undefined || tab.discarded ? null : guardTab(tab.id, guarded).catch(() => null))));
}

/**
 * The bridge, then the guard, in each frame of the tab that shows a guarded site (as the manifest
 * and the added sites' registrations have them), not in the other sites' frames it may embed.
 */
async function guardTab(tabId: number, hosts: ReadonlySet<string>): Promise<void> {
  const frames = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => location.hostname });
  const frameIds = frames.filter(({ result }) => typeof result === 'string' && hosts.has(result)).map(({ frameId }) => frameId);
  if (!frameIds.length) return;
  const target = { tabId, frameIds };
  await browser.scripting.executeScript({ target, files: [BRIDGE_SCRIPT], world: 'MAIN', injectImmediately: true });
  await browser.scripting.executeScript({ target, files: [GUARD_SCRIPT], injectImmediately: true });
}
