import type { Settings } from '../settings/schema';

/**
 * Everything the options page needs from the browser, so that the UI itself never touches a
 * browser API (and can be driven by a fake).
 */
export interface OptionsApi {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Calls back when the settings change elsewhere (another tab, sync); returns the unsubscribe. */
  watch(onChange: (settings: Settings) => void): () => void;
  /** Asks the browser for access to a host. Call it straight from the user's click. */
  requestAccess(host: string): Promise<boolean>;
  hasAccess(host: string): Promise<boolean>;
  releaseAccess(host: string): Promise<void>;
  t(key: string, ...substitutions: string[]): string;
}
