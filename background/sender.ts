import { browser, type Browser } from 'wxt/browser';

/** True for a document of this extension, even one opened in a tab (the popup's `?tab=` page). */
export const isOwnDocument = (sender: Browser.runtime.MessageSender): boolean => (sender.url ?? '').startsWith(browser.runtime.getURL('/'));

/** True for this extension's own pages (background, offscreen, popup), false for content scripts. */
function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return !sender.tab && isOwnDocument(sender);
}

export function requireExtensionPage(sender: Browser.runtime.MessageSender): void {
  if (!isExtensionPage(sender)) throw new Error('detector messages are accepted from extension pages only');
}
