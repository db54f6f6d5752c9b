// Tests evaluate code in the extension's own pages and service worker, where `chrome` is the
// extension API (what wxt/browser wraps).
declare const chrome: typeof import('wxt/browser').browser;
/** The same API under Firefox's name, in Firefox tests. */
declare const browser: typeof import('wxt/browser').browser;
