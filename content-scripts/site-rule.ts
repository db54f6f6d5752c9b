import { DEFAULT_RULE, ruleFor, type SiteRule } from '../settings/schema';
import { readSettings, watchSettings } from '../settings/store';

/** The current rule for one site, kept up to date as the settings change (no reload needed). */
export interface RuleSource {
  current(): SiteRule;
}

export function watchRule(key: string, signal: AbortSignal): RuleSource {
  // Until the settings are read (a few ms after document_start) the guard holds photos as the
  // default rule says: a photo picked that early is never let through unchecked.
  let rule = DEFAULT_RULE;
  void readSettings().then((settings) => signal.aborted || (rule = ruleFor(settings, key)));
  const unwatch = watchSettings((settings) => (rule = ruleFor(settings, key)));
  const stop = () => {
    try {
      unwatch();
    } catch {
      // The extension is gone (updated or removed: why a guard stops), and its listeners with it.
    }
  };
  signal.addEventListener('abort', stop, { once: true });
  return { current: () => rule };
}
