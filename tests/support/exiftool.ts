import { execFileSync } from 'node:child_process';

type Tags = Record<string, unknown>;
const read = (args: string[], input?: Uint8Array): Tags =>
  (JSON.parse(execFileSync('exiftool', ['-j', '-G1', ...args], { encoding: 'utf8', input })) as Tags[])[0]!;

/** What exiftool (Debian libimage-exiftool-perl), the reference, reads in a file: tags by group:name. */
export const exiftoolTags = (file: string, ...args: string[]): Tags => read([...args, file]);

/** The same for bytes in memory (a delivered photo), handed to exiftool on its standard input. */
export const exiftoolTagsOf = (bytes: Uint8Array, ...args: string[]): Tags => read([...args, '-'], bytes);
