import { t } from '../messaging/i18n';
import { counted } from '../messaging/translate';
import { MAX_CHECKED_FRAMES } from '../models/analysis-options';
import type { OverlayPhoto } from './overlay/protocol';
import type { PhotoCheck } from './photo-check';
import type { Outcome } from './protect';
import { thumbnail } from './upright-copy';

/** Photos checked in one go (Instagram's own limit); more are not added, and the user is told. */
export const MAX_PHOTOS = 20;

/** Largest animated GIF the overlay shows as it is, moving, its boxes over where faces go. */
const MAX_MOVING_THUMBNAIL = 8 * 1024 * 1024;

/** `shown`: the thumbnail the overlay already shows for it, if it opened while this photo was pending. */
export async function overlayPhoto(check: PhotoCheck, shown?: Blob | null): Promise<OverlayPhoto> {
  const moving = check.frames && check.file.size <= MAX_MOVING_THUMBNAIL;
  return {
    name: check.file.name,
    thumbnail: !check.faces ? null : moving ? check.file : (shown ?? check.standIn?.thumbnail ?? (await thumbnail(check.file))),
    width: check.width,
    height: check.height,
    faces: check.faces?.map((f) => [f.x, f.y, f.width, f.height]) ?? null,
    ...(!check.faces && { unreadable: check.timedOut ? 'slow' : check.metadata?.format === 'heif' ? 'heic' : 'damaged' }),
    metadata: check.metadata?.findings ?? [],
    ...(!check.metadata && { metadataUnread: true }),
    animated: check.metadata?.animated ?? false,
    ...(check.frames && { frames: check.frames }),
  };
}

/** Diagnostic line in the content script's console: counts only, never sent anywhere. */
export function report({ file, faces, metadata }: PhotoCheck): void {
  console.info(
    faces
      ? `photo-guard: ${file.name}: ${faces.length} face(s), metadata: ${metadata?.findings.map((f) => f.kind).join(',') || 'none'}`
      : `photo-guard: ${file.name}: could not check this photo`,
  );
}

/** What the user is told about what happened without their asking. */
export function summary(outcome: Outcome, withheld: number, unchecked: string[], firstFrames: string[], someFrames: string[]): string[] {
  const lines: string[] = [];
  if (outcome.maskedFaces) lines.push(counted(t, 'noticeMasked', outcome.maskedFaces));
  if (outcome.filledInstead) lines.push(counted(t, 'noticeFilledInstead', outcome.filledInstead));
  if (outcome.stripped) lines.push(counted(t, 'noticeStripped', outcome.stripped));
  if (outcome.videosRemoved) lines.push(counted(t, 'noticeVideoRemoved', outcome.videosRemoved));
  if (unchecked.length) lines.push(t('noticeUnchecked', unchecked.join(', ')));
  if (firstFrames.length) lines.push(t('noticeAnimated', firstFrames.join(', ')));
  if (someFrames.length) lines.push(t('noticeFramesSome', someFrames.join(', '), String(MAX_CHECKED_FRAMES)));
  if (outcome.failed.length) lines.push(t('noticeMaskFailed', outcome.failed.join(', ')));
  if (withheld) lines.push(counted(t, 'noticeTooMany', withheld, String(MAX_PHOTOS)));
  return lines;
}
