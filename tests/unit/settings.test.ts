import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../settings/migrations';
import { defaultSettings, normaliseHost, SETTINGS_VERSION } from '../../settings/schema';
import { exportSettings, importSettings } from '../../settings/transfer';
import { checkSettings } from '../../settings/validate';

const fixture = (version: number): unknown => JSON.parse(readFileSync(`tests/fixtures/settings/v${version}.json`, 'utf8'));

describe('settings versions', () => {
  it('has a fixture and a migration for every version', () => {
    for (let version = 1; version <= SETTINGS_VERSION; version++) {
      expect(() => fixture(version)).not.toThrow();
      if (version > 1) expect(MIGRATIONS[version], `migration to v${version}`).toBeTypeOf('function');
    }
  });

  it('v1: one mode per site and shared options become a rule per site', () => {
    const migrated = checkSettings(migrate(fixture(1), 1));
    expect(migrated).toEqual({
      ok: true,
      value: {
        sites: {
          x: { mode: 'protect', metadata: 'keep', maskStyle: 'pixelate', sensitivity: 'balanced', warnFacesWithoutMetadata: true },
          instagram: { mode: 'warn', metadata: 'keep', maskStyle: 'pixelate', sensitivity: 'balanced', warnFacesWithoutMetadata: true },
          facebook: { mode: 'off', metadata: 'keep', maskStyle: 'pixelate', sensitivity: 'balanced', warnFacesWithoutMetadata: true },
        },
        customSites: [],
      },
    });
  });

  it('v2 (current) is valid as it is, and the defaults are too', () => {
    expect(checkSettings(migrate(fixture(2), 2))).toEqual({ ok: true, value: fixture(2) });
    expect(checkSettings(defaultSettings()).ok).toBe(true);
  });
});

describe('checkSettings', () => {
  const broken = (change: (s: ReturnType<typeof defaultSettings>) => unknown) => {
    const settings = structuredClone(defaultSettings());
    return checkSettings(change(settings) ?? settings);
  };

  it('names the first problem', () => {
    expect(broken((s) => void (s.sites.x!.mode = 'sometimes' as never))).toEqual({ ok: false, error: '"x".mode must be one of off, warn, protect' });
    expect(broken((s) => void delete s.sites.facebook)).toEqual({ ok: false, error: 'it has no rule for "facebook"' });
    expect(broken((s) => void (s.sites['evil.com'] = s.sites.x!))).toMatchObject({ ok: false });
    expect(broken((s) => void s.customSites.push('not a host'))).toEqual({ ok: false, error: '"not a host" is not a site address' });
    expect(broken(() => 'text')).toMatchObject({ ok: false });
  });
});

describe('export and import', () => {
  it('round-trips the current settings', () => {
    const settings = fixture(2) as ReturnType<typeof defaultSettings>;
    expect(importSettings(exportSettings(settings))).toEqual({ ok: true, value: settings });
  });

  it('imports a file written by version 1', () => {
    const file = JSON.stringify({ format: 'photo-guard-settings', version: 1, settings: fixture(1) });
    expect(importSettings(file)).toMatchObject({ ok: true, value: { sites: { x: { mode: 'protect' } } } });
  });

  it('refuses what it cannot read, and says why', () => {
    expect(importSettings('{')).toEqual({ ok: false, error: 'the file is not JSON' });
    expect(importSettings('{"sites":{}}')).toEqual({ ok: false, error: 'it is not a Photo Guard settings file' });
    expect(importSettings('{"format":"photo-guard-settings","version":99,"settings":{}}')).toEqual({
      ok: false,
      error: 'it was written by a newer version of Photo Guard',
    });
  });
});

describe('normaliseHost', () => {
  it('accepts what people paste, and nothing else', () => {
    expect(normaliseHost(' https://School.Example.org/photos?x=1 ')).toBe('school.example.org');
    expect(normaliseHost('example.org')).toBe('example.org');
    for (const bad of ['', 'localhost', 'ftp://example.org', 'not a host', 'javascript:alert(1)']) expect(normaliseHost(bad)).toBeNull();
  });
});
