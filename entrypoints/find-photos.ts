import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { findPhotos } from '../scan/find-photos';

// Injected by the popup into the page it scans; the result of `main` is what executeScript returns.
export default defineUnlistedScript(() => findPhotos(document));
