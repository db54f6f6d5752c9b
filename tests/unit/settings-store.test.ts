import { fakeBrowser } from '@webext-core/fake-browser';
import { expect, test, vi } from 'vitest';
import { DEFAULT_RULE, defaultSettings, SETTINGS_VERSION } from '../../settings/schema';

// WXT's storage finds the extension API as `chrome` when its module loads: here, an in-memory one.
Object.assign(globalThis, { chrome: fakeBrowser });
const { readSettings, saveSettings } = await import('../../settings/store');

test('the first settings stored never lie in storage without their version', async () => {
  // What any other script (a guarded tab loading) could read between two writes: the storage
  // after each write, each applied whole, in the order they were made.
  const states: Array<Record<string, unknown>> = [];
  const area = fakeBrowser.storage.sync;
  const set = area.set.bind(area);
  vi.spyOn(area, 'set').mockImplementation((items) => {
    states.push({ ...states.at(-1), ...items });
    return set(items);
  });
  const defaults = defaultSettings();
  const settings = { sites: { ...defaults.sites, 'school.example.org': DEFAULT_RULE }, customSites: ['school.example.org'] };
  await saveSettings(settings);

  const withValue = states.filter((state) => 'settings' in state);
  expect(withValue).not.toEqual([]);
  // A value without its version would be taken for version 1 and migrated, its added sites lost.
  for (const state of withValue) expect(state['settings$']).toEqual({ v: SETTINGS_VERSION });
  expect(await readSettings()).toEqual(settings);
});
