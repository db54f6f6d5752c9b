import { browser } from 'wxt/browser';
import { t } from '../messaging/i18n';
import type { OptionsApi } from '../options-ui/api';
import { originsOf } from './schema';
import { readSettings, saveSettings, watchSettings } from './store';

/** The options page's access to storage, permissions and messages. */
export const browserOptionsApi: OptionsApi = {
  load: readSettings,
  save: saveSettings,
  watch: watchSettings,
  requestAccess: (host) => browser.permissions.request({ origins: originsOf(host) }),
  hasAccess: (host) => browser.permissions.contains({ origins: originsOf(host) }),
  // Access the browser keeps for another reason (granted at install, by policy) stays; the guard
  // leaves the site all the same, since it is no longer in the settings.
  releaseAccess: (host) => browser.permissions.remove({ origins: originsOf(host) }).then(() => undefined, () => undefined),
  t,
};
