import { browser } from 'wxt/browser';
import { detectorAssetsAt } from '../models/asset-paths';
import type { DetectorAssets } from '../models/detector-service';

// getURL's typed paths only know WXT's own entrypoints, not copied assets.
export const detectorAssets = (): DetectorAssets => detectorAssetsAt((path) => browser.runtime.getURL(`/${path}` as '/'));

/** Release the model after this long without a photo. */
export const DETECTOR_IDLE_MS = 3 * 60_000;
