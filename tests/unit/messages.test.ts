import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counted, type Translate } from '../../messaging/translate';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const LOCALES = { en: load('en'), fr: load('fr') };

/** What the browser's getMessage does with a message and its $1, $2… substitutions. */
const translator =
  (messages: Messages): Translate =>
  (key, ...substitutions) => {
    const entry = messages[key];
    if (!entry) return '';
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n: string) => substitutions[Number(n) - 1] ?? '');
    });
  };

/** Keys the code words a count with, read from its sources. */
function countedKeys(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) for (const [, key] of readFileSync(path, 'utf8').matchAll(/counted\(t, '(\w+)'/g)) keys.add(key!);
    }
  };
  for (const dir of ['content-scripts', 'popup-ui', 'options-ui', 'scan']) walk(dir);
  return [...keys];
}

describe('messages', () => {
  it('has the same keys and placeholders in English and French', () => {
    const shape = (messages: Messages) => Object.entries(messages).map(([key, { placeholders }]) => [key, Object.keys(placeholders ?? {})]);
    expect(shape(LOCALES.fr)).toEqual(shape(LOCALES.en));
  });

  it('words counts in full, never as "photo(s)", with typographic apostrophes', () => {
    for (const messages of Object.values(LOCALES)) {
      for (const [key, { message }] of Object.entries(messages)) expect(message, key).not.toMatch(/\w\((s|e|es)\)|'/);
    }
  });

  it('has both forms of every message the code words a count with', () => {
    const keys = countedKeys();
    expect(keys.length).toBeGreaterThan(5);
    for (const messages of Object.values(LOCALES)) for (const key of keys) expect([key, `${key}One`].filter((k) => !messages[k])).toEqual([]);
  });

  it('picks the form each language uses for the number', () => {
    const en = translator(LOCALES.en);
    const fr = translator(LOCALES.fr);
    expect([0, 1, 2].map((n) => counted(en, 'facesFound', n))).toEqual(['0 faces found', '1 face found', '2 faces found']);
    expect([0, 1, 2].map((n) => counted(fr, 'facesFound', n))).toEqual(['0 visage trouvé', '1 visage trouvé', '2 visages trouvés']);
    expect(counted(en, 'noticeTooMany', 1, '20')).toBe('Photo Guard checks up to 20 photos at a time: 1 more was not added. Add it in another post.');
    expect(counted(fr, 'scanSummary', 3, '5')).toBe('3 photos sur 5 montrent des visages');
  });
});
