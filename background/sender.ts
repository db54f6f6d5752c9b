import { browser, type Browser } from 'wxt/browser';

/** True for this extension's own pages (background, offscreen, popup), false for content scripts. */
function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return !sender.tab && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

export function requireExtensionPage(sender: Browser.runtime.MessageSender): void {
  if (!isExtensionPage(sender)) throw new Error('detector messages are accepted from extension pages only');
}
