import type { Answer } from '../content-scripts/detector-port';
import type { Sensitivity } from '../models/analysis-options';
import type { FoundPhoto } from '../scan/find-photos';

/** The page the popup scans. */
export interface ScanTarget {
  tabId: number;
  host: string;
  /** The guarded site it is on, for its advice; null elsewhere. */
  siteKey: string | null;
  settingsUrl: string | null;
  /** How hard to look for faces: that site's setting (balanced elsewhere). */
  sensitivity: Sensitivity;
}

/** Everything the popup needs from the browser, so that its UI never touches a browser API. */
export interface PopupApi {
  t(key: string, ...substitutions: string[]): string;
  /** The tab to scan (the `tab` query parameter, or the active tab); null when none can be. */
  target(): Promise<ScanTarget | null>;
  /** Throws when the page cannot be read (no access to it). */
  findPhotos(target: ScanTarget): Promise<{ photos: FoundPhoto[]; more: number }>;
  /** A photo's bytes, from its own host only. Throws when it cannot be fetched. */
  fetchPhoto(target: ScanTarget, photo: FoundPhoto): Promise<Uint8Array<ArrayBuffer>>;
  /** The detector stops when the signal aborts, or when the popup closes. */
  analyse(bytes: Uint8Array, target: ScanTarget, signal: AbortSignal): Promise<Answer>;
}
