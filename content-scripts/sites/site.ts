/** What the guard knows about one social site. One site = one file = one settings key. */
export interface Site {
  /** Settings key. */
  key: string;
  name: string;
  /** Hosts whose pages the guard runs on. */
  hosts: string[];
}

export const matchesOf = (site: Site): string[] => site.hosts.map((host) => `https://${host}/*`);
