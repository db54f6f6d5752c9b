import { backgroundUrl, isUiArt, largestCandidate, largestVariant, MIN_PHOTO_SIDE, photoKey } from './photo-source';

/** A posted photo as the page shows it. */
export interface FoundPhoto {
  /** The address its bytes are fetched from (the largest the page offers). */
  src: string;
  /** The post it belongs to, when the page links to one. */
  link: string | null;
}

/** Photos beyond this many are left out of one scan (the popup says so). */
export const MAX_SCAN = 100;

/**
 * Runs in the scanned page: the posted photos it shows — `img` elements (their largest `srcset`
 * candidate) and CSS background images — without avatars, icons and interface art, each photo
 * once however many sizes the page shows it at, in page order.
 */
export function findPhotos(doc: Document): { photos: FoundPhoto[]; more: number } {
  const found = new Map<string, FoundPhoto & { width: number }>();
  const consider = (url: string | null, element: Element, width: number) => {
    if (!url || !/^https?:/.test(url) || isUiArt(url)) return;
    const box = element.getBoundingClientRect();
    if (Math.max(box.width, box.height) < MIN_PHOTO_SIDE) return;
    const key = photoKey(url);
    const seen = found.get(key);
    const link = (element.closest('a[href]') as HTMLAnchorElement | null)?.href ?? null;
    if (!seen) found.set(key, { src: largestVariant(url), link, width });
    else {
      seen.link ??= link;
      if (width > seen.width) Object.assign(seen, { src: largestVariant(url), width });
    }
  };
  for (const element of Array.from(doc.querySelectorAll('body *'))) {
    if (element instanceof HTMLImageElement) {
      const candidate = element.srcset ? largestCandidate(element.srcset, doc.baseURI) : null;
      consider(candidate?.url ?? (element.currentSrc || element.src), element, candidate?.width ?? element.naturalWidth);
      continue;
    }
    const background = getComputedStyle(element).backgroundImage;
    if (background !== 'none') consider(backgroundUrl(background, doc.baseURI), element, element.getBoundingClientRect().width);
  }
  const photos = [...found.values()].map(({ src, link }) => ({ src, link }));
  return { photos: photos.slice(0, MAX_SCAN), more: Math.max(0, photos.length - MAX_SCAN) };
}

/**
 * Runs in the scanned page, for photos not on a guarded site's image host: the page fetches its
 * own image (same origin, or a host that allows it), so nothing is asked of any other host.
 * Self-contained: it is injected as a function.
 */
export async function fetchInPage(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return null;
    return new Uint8Array(await response.arrayBuffer()).toBase64();
  } catch {
    return null;
  }
}
