import { storage } from 'wxt/utils/storage';
import { MIGRATIONS } from './migrations';
import { defaultSettings, type Settings, SETTINGS_VERSION } from './schema';
import { checkSettings } from './validate';

/** The settings, in storage.sync so that they follow the user's browser profile. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: defaultSettings(),
  version: SETTINGS_VERSION,
  migrations: MIGRATIONS,
});

/** Settings that do not check (edited by hand, written by a broken build) are read as the defaults. */
export const validOrDefault = (value: unknown): Settings => {
  const checked = checkSettings(value);
  return checked.ok ? checked.value : defaultSettings();
};

export const readSettings = async (): Promise<Settings> => validOrDefault(await settingsItem.getValue());

/**
 * Stores the settings, their version first. WXT writes a first value and its version in two steps,
 * and a script starting between them (a guarded tab loading, a guard given to an open tab as a site
 * is added) read a value without a version as version 1 and "migrated" it: the user's added sites
 * were lost.
 */
export async function saveSettings(settings: Settings): Promise<void> {
  await storage.setMeta(settingsItem.key, { v: SETTINGS_VERSION });
  await settingsItem.setValue(settings);
}

/** Calls back with the settings whenever they change (another tab, sync); returns the unsubscribe. */
export const watchSettings = (onChange: (settings: Settings) => void): (() => void) =>
  settingsItem.watch((settings) => onChange(validOrDefault(settings)));
