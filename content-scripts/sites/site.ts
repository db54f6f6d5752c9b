/** What the guard knows about one social site. One site = one file = one settings key. */
export interface Site {
  /** Settings key. */
  key: string;
  name: string;
  /** The page where the user can restrict who sees their posts (unknown for sites the user adds). */
  settingsUrl?: string;
  /** Hosts whose pages the guard runs on. */
  hosts: string[];
  /** The composer's current audience as the site names it ("Public"), when the page shows it. */
  audience?: () => string | null;
}

/** What the sites call an audience anyone can see. */
export const PUBLIC_AUDIENCE = /^(public|everyone)$/i;

export const matchesOf = (site: Site): string[] => site.hosts.map((host) => `https://${host}/*`);

/** A site the user added in the options: guarded with generic advice, its host as settings key. */
export const customSite = (host: string): Site => ({ key: host, name: host, hosts: [host] });
