import {
  BUILT_IN_SITE_KEYS,
  MASK_STYLES,
  MAX_CUSTOM_SITES,
  METADATA_POLICIES,
  MODES,
  normaliseHost,
  SENSITIVITIES,
  type Settings,
  type SiteRule,
} from './schema';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => values.includes(value as T);

function checkRule(key: string, value: unknown): string | null {
  if (!isRecord(value)) return `the rule for "${key}" is not an object`;
  const fields: Array<[keyof SiteRule, readonly string[]]> = [
    ['mode', MODES],
    ['metadata', METADATA_POLICIES],
    ['maskStyle', MASK_STYLES],
    ['sensitivity', SENSITIVITIES],
  ];
  for (const [field, allowed] of fields) {
    if (!oneOf(allowed, value[field])) return `"${key}".${field} must be one of ${allowed.join(', ')}`;
  }
  if (typeof value.warnFacesWithoutMetadata !== 'boolean') return `"${key}".warnFacesWithoutMetadata must be true or false`;
  return null;
}

/** Settings of the current version, checked field by field; the error names the first problem. */
export function checkSettings(value: unknown): Checked<Settings> {
  if (!isRecord(value) || !isRecord(value.sites) || !Array.isArray(value.customSites)) {
    return { ok: false, error: 'it does not hold "sites" and "customSites"' };
  }
  const custom = value.customSites;
  if (custom.length > MAX_CUSTOM_SITES) return { ok: false, error: `it lists more than ${MAX_CUSTOM_SITES} added sites` };
  for (const host of custom) {
    if (typeof host !== 'string' || normaliseHost(host) !== host) return { ok: false, error: `"${String(host)}" is not a site address` };
  }
  if (new Set(custom).size !== custom.length) return { ok: false, error: 'it lists an added site twice' };
  const known = new Set<string>([...BUILT_IN_SITE_KEYS, ...(custom as string[])]);
  for (const [key, rule] of Object.entries(value.sites)) {
    if (!known.has(key)) return { ok: false, error: `it has a rule for "${key}", which is neither a built-in nor an added site` };
    const problem = checkRule(key, rule);
    if (problem) return { ok: false, error: problem };
  }
  for (const key of known) if (!(key in value.sites)) return { ok: false, error: `it has no rule for "${key}"` };
  return { ok: true, value: value as unknown as Settings };
}
