import { defineContentScript } from 'wxt/utils/define-content-script';
import { GUARDED_MATCHES } from '../content-scripts/sites/registry';
import { installTrustBridge } from '../content-scripts/trust-bridge';

// Chrome runs this in the page's world before any page script. Firefox (MV2) has no MAIN world
// content scripts: there the guard injects page-bridge.js itself.
export default defineContentScript({
  matches: GUARDED_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  include: ['chrome'],
  main: installTrustBridge,
});
