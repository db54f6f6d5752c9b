import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveDetector, type WorkerScope } from '../models/detector-worker';

// A classic worker script (WXT builds unlisted scripts as IIFE): tasks-vision loads its runtime
// with importScripts, which module workers lack.
export default defineUnlistedScript(() => serveDetector(self as unknown as WorkerScope));
