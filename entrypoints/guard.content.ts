import { defineContentScript } from 'wxt/utils/define-content-script';
import { GUARDED_MATCHES } from '../content-scripts/sites/registry';
import { startGuard } from '../content-scripts/guard';

export default defineContentScript({
  matches: GUARDED_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  main: (ctx) => startGuard(ctx.signal),
});
