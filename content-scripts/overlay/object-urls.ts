import { useEffect, useRef } from 'preact/hooks';

/**
 * An object URL per blob, kept while the blob is shown and revoked after: photos arrive one by one,
 * and thumbnails already on screen must not be recreated (they would flicker) nor leak.
 */
export function useObjectUrls(blobs: Array<Blob | null>): Array<string | null> {
  const urls = useRef(new Map<Blob, string>());
  const current = new Set(blobs.filter((blob): blob is Blob => blob !== null));
  for (const blob of current) if (!urls.current.has(blob)) urls.current.set(blob, URL.createObjectURL(blob));
  useEffect(() => {
    for (const [blob, url] of urls.current) {
      if (!current.has(blob)) (URL.revokeObjectURL(url), urls.current.delete(blob));
    }
  });
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);
  return blobs.map((blob) => (blob ? urls.current.get(blob)! : null));
}
