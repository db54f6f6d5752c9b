import { defineContentScript } from 'wxt/utils/define-content-script';
import { GUARDED_MATCHES } from '../content-scripts/sites/registry';
import { attachDetachedInputs } from '../content-scripts/detached-inputs';
import { installTrustBridge } from '../content-scripts/trust-bridge';

// Runs in the page's world before any page script, so every listener the page adds is wrapped
// (Firefox has MAIN-world content scripts since 128; injecting a script tag instead ran too late);
// and file inputs the page opens without putting them in the document are put there.
export default defineContentScript({
  matches: GUARDED_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  main() {
    installTrustBridge();
    attachDetachedInputs();
  },
});
