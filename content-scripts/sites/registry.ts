import { facebook } from './facebook';
import { instagram } from './instagram';
import { matchesOf, type Site } from './site';
import { x } from './x';

export const SITES: readonly Site[] = [x, instagram, facebook];

export const GUARDED_MATCHES: string[] = SITES.flatMap(matchesOf);

export const siteForHost = (host: string): Site | undefined => SITES.find((site) => site.hosts.includes(host));
