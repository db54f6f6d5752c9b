import { migrate } from './migrations';
import { type Settings, SETTINGS_VERSION } from './schema';
import { type Checked, checkSettings } from './validate';

/** Names the file so that another JSON file is not mistaken for it. */
const FORMAT = 'photo-guard-settings';

export const exportSettings = (settings: Settings): string => JSON.stringify({ format: FORMAT, version: SETTINGS_VERSION, settings }, null, 2);

/** Reads an exported file of this or an earlier version. Nothing is applied unless it all checks. */
export function importSettings(text: string): Checked<Settings> {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the file is not JSON' };
  }
  const { format, version, settings } = (typeof file === 'object' && file !== null ? file : {}) as Record<string, unknown>;
  if (format !== FORMAT) return { ok: false, error: 'it is not a Photo Guard settings file' };
  if (!Number.isInteger(version) || (version as number) < 1) return { ok: false, error: 'its version is missing or not a number' };
  if ((version as number) > SETTINGS_VERSION) return { ok: false, error: 'it was written by a newer version of Photo Guard' };
  return checkSettings(migrate(settings, version as number));
}
