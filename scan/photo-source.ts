/**
 * Which images on a page are posted photos, and which are the same photo at another size. Pure
 * URL logic, shared by the in-page finder and its tests.
 */

/** Rendered smaller than this on both sides: an avatar, an icon or a badge, not a posted photo. */
export const MIN_PHOTO_SIDE = 100;

/** Image URLs that are never posted photos, whatever their size on screen. */
const UI_ART = [
  /\/profile_images\//, // X avatars
  /\/profile_banners\//, // X header images: the account's, not a post
  /\/emoji\//, // X and others' emoji
  /static\.[a-z]+\.fbcdn\.net\/rsrc\.php/, // Facebook UI art
  /\/t39\.30808-1\//, // Facebook profile pictures
  /\/t51\.2885-19\//, // Instagram profile pictures
  /\.svg(\?|$)/,
];

export const isUiArt = (url: string) => UI_ART.some((pattern) => pattern.test(url));

/**
 * One key per photo across the sizes a page shows it at: X's media id (`/media/ID?name=small`
 * and `?name=900x900`), the file name on Instagram's and Facebook's CDNs (the size is in the
 * query), and the address without its query elsewhere.
 */
export function photoKey(url: string): string {
  const { hostname, pathname, origin } = new URL(url);
  if (hostname === 'pbs.twimg.com') return `twimg:${pathname.replace(/\.[a-z]+$/, '')}`;
  if (/(^|\.)(cdninstagram\.com|fbcdn\.net)$/.test(hostname)) return `meta:${pathname.split('/').pop()}`;
  return origin + pathname;
}

/** The widest candidate of a `srcset` ("a.jpg 640w, b.jpg 1080w"), or null. */
export function largestCandidate(srcset: string, base: string): { url: string; width: number } | null {
  let best: { url: string; width: number } | null = null;
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const width = descriptor.endsWith('w') ? Number.parseFloat(descriptor) : Number.parseFloat(descriptor) * 1000;
    if (!best || width > best.width) best = { url: new URL(url, base).href, width };
  }
  return best;
}

/** The URL inside a CSS `background-image` value, or null. */
export function backgroundUrl(value: string, base: string): string | null {
  const match = /url\(\s*(['"]?)(.*?)\1\s*\)/.exec(value);
  return match?.[2] ? new URL(match[2], base).href : null;
}

/** X's pbs.twimg.com photos are served at several sizes; ask for the largest. */
export function largestVariant(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === 'pbs.twimg.com' && parsed.pathname.startsWith('/media/') && parsed.searchParams.has('name')) {
    parsed.searchParams.set('name', 'large');
    return parsed.href;
  }
  return url;
}
