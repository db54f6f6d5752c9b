import { execFileSync } from 'node:child_process';

/** What exiftool (Debian libimage-exiftool-perl), the reference, reads in a file: tags by group:name. */
export const exiftoolTags = (file: string, ...args: string[]): Record<string, unknown> =>
  (JSON.parse(execFileSync('exiftool', ['-j', '-G1', ...args, file], { encoding: 'utf8' })) as Array<Record<string, unknown>>)[0]!;
