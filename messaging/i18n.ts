import { browser } from 'wxt/browser';

/**
 * A message in the browser's language. Keys are strings here because the UI builds some of them
 * (`advice_${site}`, `metadata_${kind}`); WXT types getMessage's keys, hence the cast.
 */
export const t = (key: string, ...substitutions: string[]): string => browser.i18n.getMessage(key as 'extName', substitutions);
