import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveHeif, type HeifWorkerScope } from '../models/heif-decoder';

// A classic worker script, as WXT builds unlisted scripts: libheif comes bundled in it.
export default defineUnlistedScript(() => serveHeif(self as unknown as HeifWorkerScope));
