/** A message in the browser's language, by key, with its substitutions ($1, $2…). */
export type Translate = (key: string, ...substitutions: string[]) => string;

/**
 * A message about a number of things, worded the way the messages' own language words that
 * number: `${key}One` for its "one" form (1 in English; 0 and 1 in French), `key` otherwise. The
 * number is the first substitution. The browser's i18n has no plural forms of its own.
 */
export function counted(t: Translate, key: string, count: number, ...rest: string[]): string {
  const one = new Intl.PluralRules(t('lang')).select(count) === 'one';
  return t(one ? `${key}One` : key, String(count), ...rest);
}
