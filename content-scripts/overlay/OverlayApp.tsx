import { useEffect, useRef, useState } from 'preact/hooks';
import type { MaskStyle } from '../../photo/mask';
import { type Decision, isPending, type OverlayRequest } from './protocol';
import { PUBLIC_AUDIENCE } from '../sites/site';
import { PendingCard, PhotoCard } from './PhotoCard';
import { useObjectUrls } from './object-urls';
import { counted, type Translate } from '../../messaging/translate';

interface Props {
  request: OverlayRequest;
  decide: (decision: Decision) => void;
  t: Translate;
}

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), a[href]';

/**
 * The decision dialog. It gets its data and its one action through props: no browser API here.
 * Photos may still be coming in: the choices follow the defaults until the user sets them, and
 * only "Cancel" is offered before every photo is checked.
 */
export function OverlayApp({ request, decide, t }: Props) {
  const { photos } = request;
  const checked = photos.flatMap((p) => (isPending(p) ? [] : [p]));
  // Photos are checked in order: the first still pending is the one being checked.
  const checking = photos.findIndex(isPending);
  const waiting = photos.length - checked.length;
  const [hadWaiting] = useState(waiting > 0);
  const anyFaces = checked.some((p) => (p.faces?.length ?? 0) > 0);
  // Details that could not be read can still be removed from a photo that can be drawn (redrawn).
  const anyMetadata = checked.some((p) => p.metadata.length > 0 || (p.metadataUnread && p.faces !== null));
  const [maskSet, setMask] = useState<boolean | null>(null);
  const [stripSet, setStrip] = useState<boolean | null>(null);
  const [styleSet, setStyle] = useState<MaskStyle | null>(null);
  const [mask, strip, style] = [maskSet ?? request.defaults.mask, stripSet ?? request.defaults.strip, styleSet ?? request.defaults.style];
  // Per photo, the faces the user unticked (every face found starts ticked).
  const [unticked, setUnticked] = useState<Array<Set<number>>>(() => photos.map(() => new Set()));
  const faceChoices = photos.map((p, i) => (isPending(p) ? [] : (p.faces ?? []).map((_, face) => !unticked[i]?.has(face))));
  // Masking redraws a photo, which leaves its hidden details behind whatever the strip choice says
  // (they could not be kept safely: an EXIF thumbnail would still show the faces).
  const detailsGoAnyway = mask && !strip && photos.some((p, i) => !isPending(p) && p.metadata.length > 0 && faceChoices[i]!.some(Boolean));
  const dialog = useRef<HTMLDivElement>(null);
  const thumbnails = useObjectUrls(photos.map((p) => p.thumbnail ?? null));
  // Focus on the main action, without scrolling it into view: the title and photos come first.
  // While photos are still being checked it is disabled: the dialog holds focus until it is ready,
  // unless the user has moved it.
  useEffect(() => {
    const main = dialog.current?.querySelector<HTMLElement>('[data-action="protect"]');
    const active = document.activeElement;
    if (waiting === 0 && (active === document.body || active === dialog.current)) main?.focus({ preventScroll: true });
    else if (waiting > 0 && active === document.body) dialog.current?.focus({ preventScroll: true });
  }, [waiting]);

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
      <div data-guard="overlay" role="dialog" aria-modal="true" aria-labelledby="pg-title" aria-describedby="pg-intro" tabIndex={-1} ref={dialog} onKeyDown={onKeyDown}>
        <h1 id="pg-title">{counted(t, 'overlayTitle', photos.length)}</h1>
        <p id="pg-intro">{counted(t, 'overlayIntro', photos.length)}</p>
        {hadWaiting && (
          <p class="progress" role="status">
            {waiting ? t('overlayProgress', String(checked.length), String(photos.length)) : counted(t, 'overlayAllChecked', photos.length)}
          </p>
        )}
        {request.withheld > 0 && <p class="withheld">{counted(t, 'noticeTooMany', request.withheld, String(photos.length))}</p>}
        <ul class="photos">
          {photos.map((photo, i) =>
            isPending(photo) ? (
              <PendingCard key={i} photo={photo} thumbnail={thumbnails[i] ?? null} queued={i !== checking} t={t} />
            ) : (
              <PhotoCard
                key={i}
                photo={photo}
                thumbnail={thumbnails[i] ?? null}
                choices={faceChoices[i] ?? []}
                onToggle={(face, on) => setUnticked((all) => all.map((set, j) => (j === i ? toggled(set, face, !on) : set)))}
                t={t}
              />
            ),
          )}
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
            <input
              type="checkbox"
              data-option="strip"
              checked={strip}
              disabled={!anyMetadata}
              aria-describedby={detailsGoAnyway ? 'pg-strip-hint' : undefined}
              onChange={(e) => setStrip(e.currentTarget.checked)}
            />
            {t('optionStrip')}
          </label>
          {detailsGoAnyway && (
            <p class="hint" id="pg-strip-hint">
              {t('stripHintMasked')}
            </p>
          )}
        </fieldset>
        <div class="actions">
          <button type="button" class="primary" data-action="protect" disabled={waiting > 0} onClick={() => decide({ action: 'protect', mask, style, strip, photos: faceChoices.map((faces) => ({ faces })) })}>
            {t('actionProtect')}
          </button>
          <button type="button" data-action="original" disabled={waiting > 0} onClick={() => decide({ action: 'original' })}>
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

function toggled(set: Set<number>, item: number, present: boolean): Set<number> {
  const next = new Set(set);
  if (present) next.add(item);
  else next.delete(item);
  return next;
}
