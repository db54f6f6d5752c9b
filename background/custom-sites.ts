import { browser, type Browser } from 'wxt/browser';
import { originsOf } from '../settings/schema';
import { readSettings, settingsItem } from '../settings/store';
import { BRIDGE_SCRIPT, GUARD_SCRIPT, guardOpenTabs } from './open-tabs';

const PREFIX = 'custom-site:';

const guardId = (host: string) => `${PREFIX}guard:${host}`;

/** The guard and its page-world bridge on one added site, as the manifest has them for the built-in ones. */
function scriptsFor(host: string): Browser.scripting.RegisteredContentScript[] {
  const common = { matches: originsOf(host), runAt: 'document_start' as const, allFrames: true };
  const guard = { ...common, id: guardId(host), js: [GUARD_SCRIPT] };
  return [guard, { ...common, id: `${PREFIX}bridge:${host}`, js: [BRIDGE_SCRIPT], world: 'MAIN' }];
}

/** The added sites the user still grants access to: those the guard runs on. */
export async function guardedCustomSites(): Promise<string[]> {
  const hosts = (await readSettings()).customSites;
  const granted = await Promise.all(hosts.map((host) => browser.permissions.contains({ origins: originsOf(host) })));
  return hosts.filter((_, i) => granted[i]);
}

/**
 * Makes the registered guards match the added sites the user still grants access to: added at
 * once when a site is added, removed when it is removed or its permission revoked. Runs again at
 * every start, so the registrations never drift from the settings.
 */
async function sync(): Promise<void> {
  const hosts = await guardedCustomSites();
  const wanted = hosts.flatMap(scriptsFor);
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX));
  const stale = registered.filter((s) => !wanted.some((w) => w.id === s.id)).map((s) => s.id);
  const missing = wanted.filter((w) => !registered.some((s) => s.id === w.id));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (!missing.length) return;
  await browser.scripting.registerContentScripts(missing);
  // A site just added is often open in another tab, where the photos are about to be picked.
  await guardOpenTabs(hosts.filter((host) => !registered.some((script) => script.id === guardId(host))));
}

export function keepCustomSitesRegistered(): void {
  let queue = Promise.resolve();
  // One sync at a time: two overlapping ones would both register the same new script.
  const resync = () => {
    queue = queue.then(sync).catch((error: unknown) => console.error('photo-guard: custom sites', error));
  };
  settingsItem.watch(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  resync();
}
