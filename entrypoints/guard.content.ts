import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGuard } from '../content-scripts/guard';
import { GUARDED_MATCHES, siteForHost } from '../content-scripts/sites/registry';
import { customSite } from '../content-scripts/sites/site';

export default defineContentScript({
  matches: GUARDED_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  main: (ctx) => {
    // Also registered at run time on the sites the user adds in the options.
    startGuard(siteForHost(location.hostname) ?? customSite(location.hostname), ctx);
  },
});
