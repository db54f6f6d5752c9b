import { useEffect, useState } from 'preact/hooks';
import { SITES } from '../content-scripts/sites/registry';
import { DEFAULT_RULE, defaultSettings, MAX_CUSTOM_SITES, normaliseHost, type Settings, type SiteRule } from '../settings/schema';
import { AddSite } from './AddSite';
import type { OptionsApi } from './api';
import { Backup } from './Backup';
import { SiteRules } from './SiteRules';

/** The options page: one rule per site, sites the user adds, backup. Browser access goes through `api`. */
export function OptionsApp({ api }: { api: OptionsApi }) {
  const { t } = api;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [status, setStatus] = useState('');

  const checkAccess = async (hosts: string[]) =>
    setAccess(Object.fromEntries(await Promise.all(hosts.map(async (host) => [host, await api.hasAccess(host)] as const))));
  const show = (next: Settings) => {
    setSettings(next);
    void checkAccess(next.customSites);
  };
  useEffect(() => {
    void api.load().then(show);
    return api.watch(show);
  }, []);
  if (!settings) return null;

  const save = async (next: Settings, message = t('saved')) => {
    show(next);
    await api.save(next);
    setStatus(message);
  };
  const setRule = (key: string, rule: SiteRule) => save({ ...settings, sites: { ...settings.sites, [key]: rule } });

  const add = async (input: string): Promise<string | null> => {
    const host = normaliseHost(input);
    if (!host) return t('siteInvalid');
    if (settings.customSites.includes(host) || SITES.some((site) => site.hosts.includes(host))) return t('siteExists', host);
    if (settings.customSites.length >= MAX_CUSTOM_SITES) return t('siteTooMany', String(MAX_CUSTOM_SITES));
    // Asked first, while the click still counts as the user's gesture.
    if (!(await api.requestAccess(host))) return t('siteDenied', host);
    await save({ sites: { ...settings.sites, [host]: { ...DEFAULT_RULE } }, customSites: [...settings.customSites, host] }, t('siteAdded', host));
    return null;
  };
  const remove = async (host: string) => {
    const { [host]: _removed, ...sites } = settings.sites;
    await save({ sites, customSites: settings.customSites.filter((h) => h !== host) }, t('siteRemoved', host));
    await api.releaseAccess(host);
  };
  /** Replaces the settings; access is released for the added sites that are no longer listed. */
  const replace = async (next: Settings, message: string) => {
    const dropped = settings.customSites.filter((host) => !next.customSites.includes(host));
    await save(next, message);
    await Promise.all(dropped.map((host) => api.releaseAccess(host)));
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
      <p class="help">{t('modeHelp')}</p>
      <p class="help">{t('metadataHelp')}</p>
      <p class="help">{t('sensitivityHelp')}</p>
      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{t('sitesHeading')}</h2>
        {SITES.map((site) => (
          <SiteRules key={site.key} host={site.hosts[0]!} name={site.name} rule={settings.sites[site.key] ?? DEFAULT_RULE} onChange={(rule) => setRule(site.key, rule)} t={t} />
        ))}
        {settings.customSites.map((host) => (
          <SiteRules
            key={host}
            host={host}
            name={host}
            rule={settings.sites[host] ?? DEFAULT_RULE}
            onChange={(rule) => setRule(host, rule)}
            t={t}
            added={{
              access: access[host] ?? true,
              grant: () => void api.requestAccess(host).then(() => checkAccess(settings.customSites)),
              remove: () => void remove(host),
            }}
          />
        ))}
      </section>
      <AddSite add={add} t={t} />
      <Backup settings={settings} restore={(imported) => replace(imported, t('importDone'))} reset={() => replace(defaultSettings(), t('resetDone'))} say={setStatus} t={t} />
      <p class="status" role="status" data-status>
        {status}
      </p>
    </main>
  );
}
