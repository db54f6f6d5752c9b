import type { ExifTags } from './exif-tags';

/**
 * What an XMP packet or an IPTC block says: the details EXIF also holds, under the EXIF tag's
 * name (so one reading turns either into plain words), and the names it holds that EXIF has no
 * tag for — the people shown, the place, the photo's title, its keywords — most telling first.
 */
export interface EmbeddedDetails {
  tags: Omit<ExifTags, 'orientation'>;
  named: string[];
}

const MAX_NAMED = 8;
const MAX_LENGTH = 160;

/** Text from a file as a person can read it on one line: control characters out, cut when long. */
export function readable(text: string, max = MAX_LENGTH): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Names in order, each once (whatever its case), at most a few. */
export function distinct(names: string[]): string[] {
  const byCase = new Map<string, string>();
  for (const name of names.map((n) => readable(n, 80))) if (name && !byCase.has(name.toLowerCase())) byCase.set(name.toLowerCase(), name);
  return [...byCase.values()].slice(0, MAX_NAMED);
}
