import { useEffect, useMemo } from 'preact/hooks';
import { metadataWords } from '../photo/metadata-words';
import type { ScanResult } from './scan';
import { counted, type Translate } from '../messaging/translate';

/** One scanned photo: thumbnail, faces, what its metadata reveals, and the post it belongs to. */
export function ResultItem({ result, t }: { result: ScanResult; t: Translate }) {
  const { photo, state, faces, metadata, image } = result;
  const thumbnail = useMemo(() => (image ? URL.createObjectURL(image) : null), [image]);
  useEffect(() => () => thumbnail && URL.revokeObjectURL(thumbnail), [thumbnail]);
  const summary =
    state === 'waiting' ? t('scanWaiting') : faces === null ? t('scanUnreadable') : faces ? counted(t, 'facesFound', faces) : t('facesNone');
  return (
    <li
      class={`result ${state}${faces ? ' faces' : ''}`}
      data-scan-result
      data-src={photo.src}
      data-faces={state === 'waiting' ? undefined : faces === null ? 'unknown' : String(faces)}
      data-metadata={metadata.map((m) => m.kind).join(',')}
    >
      {thumbnail ? <img src={thumbnail} alt="" /> : <div class="placeholder" aria-hidden="true" />}
      <div>
        <p class="count">{summary}</p>
        {metadata.length > 0 && (
          <ul class="metadata">
            {metadata.map((m) => (
              <li key={m.kind}>{metadataWords(m, t)}</li>
            ))}
          </ul>
        )}
        {photo.link && (
          <a href={photo.link} target="_blank" rel="noopener noreferrer">
            {t('scanOpenPost')}
          </a>
        )}
      </div>
    </li>
  );
}
