import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGuard } from '../content-scripts/guard';
import { GUARDED_MATCHES, siteForHost } from '../content-scripts/sites/registry';

export default defineContentScript({
  matches: GUARDED_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  main: (ctx) => {
    const site = siteForHost(location.hostname);
    if (site) startGuard(site, ctx.signal);
  },
});
