import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupApi, ScanTarget } from './api';
import { ResultItem } from './ResultItem';
import { type ScanResult, scanPhotos } from './scan';
import { counted } from '../messaging/translate';

type Phase = 'idle' | 'finding' | 'scanning' | 'finished' | 'stopped';

/** The toolbar popup: scans the photos already posted on the page the user is looking at. */
export function PopupApp({ api }: { api: PopupApi }) {
  const { t } = api;
  const [target, setTarget] = useState<ScanTarget | null | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>('idle');
  const [results, setResults] = useState<ScanResult[]>([]);
  const [more, setMore] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const scan = useRef<AbortController | null>(null);
  useEffect(() => {
    void api.target().then(setTarget, () => setTarget(null));
    return () => scan.current?.abort();
  }, []);

  const start = async () => {
    if (!target) return;
    const controller = new AbortController();
    scan.current = controller;
    setError(null);
    setResults([]);
    setPhase('finding');
    try {
      const found = await api.findPhotos(target);
      setMore(found.more);
      setPhase('scanning');
      await scanPhotos(api, target, found.photos, setResults, controller.signal);
      setPhase(controller.signal.aborted ? 'stopped' : 'finished');
    } catch {
      setError(t('scanNoAccess'));
      setPhase('idle');
    }
  };

  const checked = results.filter((r) => r.state !== 'waiting');
  const withFaces = results.filter((r) => (r.faces ?? 0) > 0).length;
  const withLocation = results.filter((r) => r.metadata.some((m) => m.kind === 'gps')).length;
  const busy = phase === 'finding' || phase === 'scanning';
  const done = phase === 'finished' || phase === 'stopped';

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      <p class="intro">{target === null ? t('scanNoPage') : t('popupIntro', target?.host || t('scanThisPage'))}</p>
      <div class="row">
        <button type="button" class="primary" data-action="scan" disabled={!target || busy} onClick={() => void start()}>
          {done ? t('scanAgain') : t('scanButton')}
        </button>
        {busy && (
          <button type="button" data-action="cancel-scan" onClick={() => scan.current?.abort()}>
            {t('scanCancel')}
          </button>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {busy && (
        <div class="progress">
          <progress max={Math.max(results.length, 1)} value={checked.length} aria-labelledby="scan-progress" />
          <p id="scan-progress" role="status">
            {phase === 'finding' ? t('scanFinding') : t('scanProgress', String(checked.length), String(results.length))}
          </p>
        </div>
      )}
      {done && (
        <p class="summary" role="status" data-scan-summary data-photos={results.length} data-with-faces={withFaces}>
          {results.length === 0 ? t('scanNone') : counted(t, 'scanSummary', withFaces, String(results.length))}
          {withLocation > 0 && ` · ${counted(t, 'scanSummaryLocation', withLocation)}`}
          {phase === 'stopped' && ` · ${t('scanStopped', String(checked.length))}`}
          {more > 0 && ` · ${counted(t, 'scanMore', more)}`}
        </p>
      )}
      {results.length > 0 && (
        <ul class="results" aria-label={t('scanResults')}>
          {results.map((result) => (
            <ResultItem key={result.photo.src} result={result} t={t} />
          ))}
        </ul>
      )}
      {done && results.length > 0 && target && (
        <section class="advice" aria-labelledby="advice-title">
          <h2 id="advice-title">{t('scanAdviceHeading')}</h2>
          <p>{t(target.siteKey ? `scanAdvice_${target.siteKey}` : 'scanAdvice_other')}</p>
          {target.settingsUrl && (
            <a href={target.settingsUrl} target="_blank" rel="noopener noreferrer">
              {t('openSettings')}
            </a>
          )}
        </section>
      )}
    </main>
  );
}
