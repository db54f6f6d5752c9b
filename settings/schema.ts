import { SENSITIVITIES, type Sensitivity } from '../models/analysis-options';
import type { MaskStyle } from '../photo/mask';

export { SENSITIVITIES, type Sensitivity };

export const MODES = ['off', 'warn', 'protect'] as const;
export const METADATA_POLICIES = ['remove', 'ask', 'keep'] as const;
export const MASK_STYLES = ['fill', 'pixelate'] as const satisfies readonly MaskStyle[];

/** off: the guard stays out of the way; warn: ask before posting; protect: apply the rule and post, with a notice. */
export type Mode = (typeof MODES)[number];
export type MetadataPolicy = (typeof METADATA_POLICIES)[number];

/** How the guard behaves on one site. */
export interface SiteRule {
  mode: Mode;
  /** remove: always, without asking; ask: show what it reveals; keep: never touch it. */
  metadata: MetadataPolicy;
  maskStyle: MaskStyle;
  sensitivity: Sensitivity;
  /** Ask about photos that show faces even when they carry no revealing metadata. */
  warnFacesWithoutMetadata: boolean;
}

export interface Settings {
  /** By settings key: a built-in site's key ("x") or a host the user added ("example.org"). */
  sites: Record<string, SiteRule>;
  /** Hosts the user added, in the order they were added. */
  customSites: string[];
}

export const SETTINGS_VERSION = 2;
/** Keeps the settings within storage.sync's 8 KB per item. */
export const MAX_CUSTOM_SITES = 30;
export const BUILT_IN_SITE_KEYS = ['x', 'instagram', 'facebook'] as const;

export const DEFAULT_RULE: SiteRule = {
  mode: 'warn',
  metadata: 'ask',
  maskStyle: 'fill',
  sensitivity: 'balanced',
  warnFacesWithoutMetadata: true,
};

export const defaultSettings = (): Settings => ({
  sites: Object.fromEntries(BUILT_IN_SITE_KEYS.map((key) => [key, { ...DEFAULT_RULE }])),
  customSites: [],
});

/** A built-in site without a rule gets the default; a host no longer in the settings is left alone. */
export const ruleFor = (settings: Settings, key: string): SiteRule =>
  settings.sites[key] ?? ((BUILT_IN_SITE_KEYS as readonly string[]).includes(key) ? DEFAULT_RULE : { ...DEFAULT_RULE, mode: 'off' });

/** The permission patterns of a site the user adds. */
export const originsOf = (host: string) => [`https://${host}/*`, `http://${host}/*`];

/** A host name as the user may type it ("https://Example.org/path" → "example.org"), or null. */
export function normaliseHost(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  try {
    const { hostname, protocol } = new URL(/^[a-z]+:\/\//.test(text) ? text : `https://${text}`);
    if (protocol !== 'https:' && protocol !== 'http:') return null;
    return /^([a-z0-9-]+\.)+[a-z0-9-]{2,}$/.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}
