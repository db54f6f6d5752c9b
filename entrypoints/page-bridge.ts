import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installTrustBridge } from '../content-scripts/trust-bridge';

export default defineUnlistedScript({ include: ['firefox'], main: installTrustBridge });
