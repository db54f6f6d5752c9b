import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { stripMetadata } from '../../photo/strip';
import { fixtureHtml, photo } from './sites';

/** Pages that show posted photos, served offline at their real addresses (with their CDNs). */
export const POSTED_PAGES = {
  x: { url: 'https://x.com/parent/media', file: 'x-media.html' },
  instagram: { url: 'https://www.instagram.com/parent/', file: 'instagram-profile.html' },
  facebook: { url: 'https://www.facebook.com/parent/photos', file: 'facebook-photos.html' },
  /** A site the extension has no access to. */
  blog: { url: 'https://blog.example.org/family/', file: 'blog-family.html' },
} as const;

const FIXTURE_NAME = /(sample\d|no-face-[a-z]+)/;
const ICON = readFileSync(photo('no-face-small.webp'));
/** The social sites' CDNs, which strip metadata from what they serve (a blog's own files keep it). */
const SOCIAL_CDN = /^https:\/\/(pbs\.twimg\.com|abs-0\.twimg\.com|[a-z0-9.-]+\.cdninstagram\.com|[a-z0-9.-]+\.fbcdn\.net)\//;
/** Hosts whose images are served; cdn.elsewhere.example sends no CORS header, like most hosts. */
const IMAGE_HOST = /^https:\/\/(blog\.example\.org|cdn\.elsewhere\.example)\//;

export interface FixtureResponse {
  body: Buffer | string;
  contentType: string;
  headers: Record<string, string>;
}

/** What the offline web answers for a URL of these pages, or null when nothing is there. */
export function postedResponse(url: string): FixtureResponse | null {
  const page = Object.values(POSTED_PAGES).find((p) => p.url === url);
  if (page) return { body: fixtureHtml(page.file), contentType: 'text/html', headers: {} };
  const social = SOCIAL_CDN.test(url);
  if (!social && !IMAGE_HOST.test(url)) return null;
  const name = FIXTURE_NAME.exec(url)?.[1];
  let body = ICON;
  if (name) {
    const bytes = readFileSync(photo(`${name}.${name === 'no-face-pattern' ? 'png' : 'jpg'}`));
    body = social ? Buffer.from(stripMetadata(new Uint8Array(bytes))) : bytes;
  }
  return { body, contentType: 'image/jpeg', headers: social ? { 'access-control-allow-origin': '*' } : {} };
}

export async function servePostedPhotos(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => postedResponse(url.href) !== null,
    (route) => route.fulfill(postedResponse(route.request().url())!),
  );
}
