import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MaskStyle } from '../../photo/mask';
import type { Decision, OverlayPhoto, OverlayRequest } from './protocol';
import { PUBLIC_AUDIENCE } from '../sites/site';
import { PhotoCard } from './PhotoCard';

export type Translate = (key: string, ...substitutions: string[]) => string;

interface Props {
  request: OverlayRequest;
  decide: (decision: Decision) => void;
  t: Translate;
}

const FOCUSABLE = 'button, input, a[href]';

/** The decision dialog. It gets its data and its one action through props: no browser API here. */
export function OverlayApp({ request, decide, t }: Props) {
  const { photos } = request;
  const anyFaces = photos.some((p) => (p.faces?.length ?? 0) > 0);
  const anyMetadata = photos.some((p) => p.metadata.length > 0);
  const [mask, setMask] = useState(request.defaults.mask);
  const [strip, setStrip] = useState(request.defaults.strip);
  const [style, setStyle] = useState<MaskStyle>(request.defaults.style);
  const [faceChoices, setFaceChoices] = useState(() => photos.map((p) => (p.faces ?? []).map(() => true)));
  const dialog = useRef<HTMLDivElement>(null);
  const thumbnails = useMemo(() => photos.map((p: OverlayPhoto) => (p.thumbnail ? URL.createObjectURL(p.thumbnail) : null)), [photos]);
  useEffect(() => () => thumbnails.forEach((url) => url && URL.revokeObjectURL(url)), [thumbnails]);
  // Focus on the main action, without scrolling it into view: the title and photos come first.
  useEffect(() => dialog.current?.querySelector<HTMLElement>('[data-action="protect"]')?.focus({ preventScroll: true }), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') return decide({ action: 'cancel' });
    if (event.key !== 'Tab' || !dialog.current) return;
    // Keep focus inside the dialog: Tab from the last control goes back to the first.
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const [first, last] = [items[0], items[items.length - 1]];
    if (event.shiftKey && document.activeElement === first) (last?.focus(), event.preventDefault());
    else if (!event.shiftKey && document.activeElement === last) (first?.focus(), event.preventDefault());
  };

  return (
    <div class="backdrop">
      <div data-guard="overlay" role="dialog" aria-modal="true" aria-labelledby="pg-title" aria-describedby="pg-intro" ref={dialog} onKeyDown={onKeyDown}>
        <h1 id="pg-title">{t('overlayTitle', String(photos.length))}</h1>
        <p id="pg-intro">{t('overlayIntro')}</p>
        {request.withheld > 0 && <p class="withheld">{t('noticeTooMany', String(photos.length), String(request.withheld))}</p>}
        <ul class="photos">
          {photos.map((photo, i) => (
            <PhotoCard
              key={i}
              photo={photo}
              thumbnail={thumbnails[i] ?? null}
              choices={faceChoices[i] ?? []}
              onToggle={(face, on) => setFaceChoices((all) => all.map((c, j) => (j === i ? c.map((v, k) => (k === face ? on : v)) : c)))}
              t={t}
            />
          ))}
        </ul>
        <section class="advice" aria-label={t('adviceHeading')}>
          <h2>{t('adviceHeading')}</h2>
          {request.audience && (
            <p class={PUBLIC_AUDIENCE.test(request.audience) ? 'audience public' : 'audience'} data-audience={request.audience}>
              {t('audienceNow', request.audience)} {PUBLIC_AUDIENCE.test(request.audience) && t('audiencePublic')}
            </p>
          )}
          <p>{t(request.settingsUrl ? `advice_${request.siteKey}` : 'advice_other')}</p>
          {request.settingsUrl && (
            <p>
              <a href={request.settingsUrl} target="_blank" rel="noopener noreferrer">
                {t('openSettings')}
              </a>
            </p>
          )}
          <p class="limits">{t('maskingLimits')}</p>
        </section>
        <fieldset class="options">
          <legend>{t('optionsLegend')}</legend>
          <label>
            <input type="checkbox" data-option="mask" checked={mask} disabled={!anyFaces} onChange={(e) => setMask(e.currentTarget.checked)} />
            {t('optionMask')}
          </label>
          <div class="styles" role="radiogroup" aria-label={t('styleLegend')}>
            {(['fill', 'pixelate'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="style" data-option="style" value={value} checked={style === value} disabled={!mask} onChange={() => setStyle(value)} />
                {t(`style_${value}`)}
              </label>
            ))}
          </div>
          <label>
            <input type="checkbox" data-option="strip" checked={strip} disabled={!anyMetadata} onChange={(e) => setStrip(e.currentTarget.checked)} />
            {t('optionStrip')}
          </label>
        </fieldset>
        <div class="actions">
          <button type="button" class="primary" data-action="protect" onClick={() => decide({ action: 'protect', mask, style, strip, photos: faceChoices.map((faces) => ({ faces })) })}>
            {t('actionProtect')}
          </button>
          <button type="button" data-action="original" onClick={() => decide({ action: 'original' })}>
            {t('actionOriginal')}
          </button>
          <button type="button" data-action="cancel" onClick={() => decide({ action: 'cancel' })}>
            {t('actionCancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
