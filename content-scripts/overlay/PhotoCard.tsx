import { useState } from 'preact/hooks';
import { metadataWords } from '../../photo/metadata-words';
import type { MetadataFinding } from '../../photo/metadata';
import type { OverlayPhoto, PendingPhoto } from './protocol';
import { counted, type Translate } from '../../messaging/translate';

interface Props {
  photo: OverlayPhoto;
  thumbnail: string | null;
  choices: boolean[];
  onToggle: (face: number, on: boolean) => void;
  t: Translate;
}

/** What the card says of a photo whose faces are unknown, by why. */
const UNKNOWN_FACES: Record<NonNullable<OverlayPhoto['unreadable']>, string> = {
  damaged: 'facesUnknown',
  heic: 'facesUnknownHeic',
  slow: 'facesUnknownSlow',
};

const percent = (value: number, total: number) => `${((value / total) * 100).toFixed(2)}%`;

/**
 * One photo: its thumbnail with the faces boxed, the count, and what its metadata says. In a class
 * photo the numbered boxes crowd each other, so a face's box lights up while its checkbox is
 * pointed at or focused, and clicking a box toggles it (the checkboxes stay the keyboard's way).
 */
export function PhotoCard({ photo, thumbnail, choices, onToggle, t }: Props) {
  const faces = photo.faces;
  const boxes = faces?.map((box) => box.map(Math.round)) ?? [];
  const [lit, setLit] = useState<number | null>(null);
  return (
    <li
      class="photo"
      data-guard-photo
      data-faces={faces ? String(faces.length) : 'unknown'}
      data-boxes={JSON.stringify(boxes)}
      data-metadata={photo.metadata.map((m) => m.kind).join(',')}
      data-animated={photo.animated || undefined}
      data-frames={photo.frames ? `${photo.frames.checked}/${photo.frames.total}` : undefined}
    >
      <figure>
        <div class="frame">
          {thumbnail ? <img src={thumbnail} alt={photo.name} /> : <div class="unreadable">{photo.name}</div>}
          {boxes.map(([x, y, w, h], i) => (
            <span
              key={i}
              aria-hidden="true"
              class={`box${choices[i] ? ' on' : ''}${lit === i ? ' lit' : ''}`}
              onClick={() => onToggle(i, !choices[i])}
              style={{ left: percent(x!, photo.width), top: percent(y!, photo.height), width: percent(w!, photo.width), height: percent(h!, photo.height) }}
            >
              <span class="number">{i + 1}</span>
            </span>
          ))}
        </div>
        <figcaption>
          {faces === null ? t(UNKNOWN_FACES[photo.unreadable ?? 'damaged']) : counted(t, 'facesFound', faces.length)}
        </figcaption>
      </figure>
      {boxes.length > 0 && (
        <fieldset class="faces">
          <legend>{t('facesLegend')}</legend>
          {boxes.map((_, i) => (
            <label key={i} onMouseEnter={() => setLit(i)} onMouseLeave={() => setLit(null)} onFocusIn={() => setLit(i)} onFocusOut={() => setLit(null)}>
              <input type="checkbox" data-face-index={i} checked={choices[i]} onChange={(e) => onToggle(i, e.currentTarget.checked)} />
              {t('faceLabel', String(i + 1))}
            </label>
          ))}
        </fieldset>
      )}
      {photo.animated && <AnimatedNote frames={photo.frames} t={t} />}
      {photo.metadata.length > 0 ? (
        <MetadataList metadata={photo.metadata} t={t} />
      ) : (
        <p class="metadata none">{t(photo.metadataUnread ? 'metadataUnread' : 'metadataNone')}</p>
      )}
    </li>
  );
}

function MetadataList({ metadata, t }: { metadata: MetadataFinding[]; t: Translate }) {
  return (
    <ul class="metadata" aria-label={t('metadataHeading')}>
      {metadata.map((m) => (
        <li key={m.kind}>{metadataWords(m, t)}</li>
      ))}
    </ul>
  );
}

/** What of an animation was checked, and what masking does to it. */
function AnimatedNote({ frames, t }: { frames?: OverlayPhoto['frames']; t: Translate }) {
  const note = !frames
    ? t('animatedNote')
    : frames.checked === frames.total
      ? t('framesNoteAll', String(frames.total))
      : t('framesNoteSome', String(frames.checked), String(frames.total));
  return <p class="note">{note}</p>;
}

/**
 * A photo not checked yet: that it is being checked, or waits its turn (no `data-faces` until it
 * is checked), and what its metadata reveals when that is known already.
 */
export function PendingCard({ photo, thumbnail, queued, t }: { photo: PendingPhoto; thumbnail: string | null; queued: boolean; t: Translate }) {
  return (
    <li
      class="photo pending"
      data-guard-photo
      aria-busy="true"
      data-metadata={photo.metadata?.map((m) => m.kind).join(',')}
      data-animated={photo.animated || undefined}
    >
      <figure>
        <div class="frame">{thumbnail ? <img src={thumbnail} alt={photo.name} /> : <div class="unreadable">{photo.name}</div>}</div>
        <figcaption>{t(queued ? 'photoWaiting' : photo.metadata ? 'facesChecking' : 'photoChecking')}</figcaption>
      </figure>
      {photo.animated && <AnimatedNote t={t} />}
      {photo.metadata && <MetadataList metadata={photo.metadata} t={t} />}
    </li>
  );
}
