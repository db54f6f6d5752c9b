/**
 * The image hosts of the guarded sites. The popup fetches a page's posted photos from them, with
 * host permission, and the extension pages' CSP allows exactly these and nothing else.
 */
export const IMAGE_HOSTS = ['https://pbs.twimg.com', 'https://*.cdninstagram.com', 'https://*.fbcdn.net'];

const PATTERNS = IMAGE_HOSTS.map((host) => new RegExp(`^${host.replace(/\./g, '\\.').replace('*\\.', '([a-z0-9-]+\\.)+')}/`));

export const onImageHost = (url: string) => PATTERNS.some((pattern) => pattern.test(url));
