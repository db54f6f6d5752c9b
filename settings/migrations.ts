import type { MaskStyle } from '../photo/mask';
import { BUILT_IN_SITE_KEYS, DEFAULT_RULE, type Mode, type Settings } from './schema';

/**
 * Version 1, the first format: one mode per built-in site, and masking and metadata options shared
 * by all of them. Kept with a fixture so that the upgrade path is exercised from the start.
 */
export interface SettingsV1 {
  modes: Partial<Record<(typeof BUILT_IN_SITE_KEYS)[number], Mode>>;
  maskStyle?: MaskStyle;
  /** true: removing the hidden details was offered (now "ask"); false: they were kept. */
  removeMetadata?: boolean;
}

/** Version 2: a full rule per site, and sites the user adds. */
function toV2(old: SettingsV1): Settings {
  const shared = {
    ...DEFAULT_RULE,
    maskStyle: old.maskStyle ?? DEFAULT_RULE.maskStyle,
    metadata: old.removeMetadata === false ? ('keep' as const) : DEFAULT_RULE.metadata,
  };
  return {
    sites: Object.fromEntries(BUILT_IN_SITE_KEYS.map((key) => [key, { ...shared, mode: old.modes?.[key] ?? DEFAULT_RULE.mode }])),
    customSites: [],
  };
}

/** What upgrades the stored value to each version (WXT storage runs them in order). */
export const MIGRATIONS: Record<number, (old: unknown) => unknown> = { 2: (old) => toV2(old as SettingsV1) };

/** Runs every migration after `version` (for imported files; WXT does it for stored settings). */
export function migrate(value: unknown, version: number): unknown {
  let current = value;
  for (const [to, step] of Object.entries(MIGRATIONS).sort(([a], [b]) => Number(a) - Number(b))) {
    if (Number(to) > version) current = step(current);
  }
  return current;
}
