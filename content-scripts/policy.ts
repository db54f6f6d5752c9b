import { MAX_CHECKED_FRAMES } from '../models/analysis-options';
import type { OverlayDefaults } from './overlay/protocol';
import type { SiteRule } from '../settings/schema';
import type { PhotoCheck } from './photo-check';
import type { Protection } from './protect';

const hasFaces = (check: PhotoCheck) => (check.faces?.length ?? 0) > 0;
const hasMetadata = (check: PhotoCheck) => (check.metadata?.findings.length ?? 0) > 0;
/** A photo the browser can draw whose container could not be walked: its details, unknown, go only by redrawing it. */
export const detailsUnread = (check: PhotoCheck) => check.metadata === null && check.faces !== null;

/**
 * An animation whose frames the detector cannot read: a browser decodes an APNG's or animated
 * WebP's first frame only (a GIF's frames are read by the extension itself).
 */
export const firstFrameOnly = (metadata: PhotoCheck['metadata']) => !!metadata?.animated && metadata.format !== 'gif';

/** An animation not every frame of which was looked at for faces. */
export const partlyChecked = (check: PhotoCheck) =>
  !!check.metadata?.animated && (!check.frames || check.frames.checked < check.frames.total);

/**
 * Metadata the rule asks about: all of it with "ask"; with "keep", still a motion photo's video,
 * which is not one of the details (location, date, camera) the user chose to keep but seconds of
 * film with sound.
 */
const askedAbout = (metadata: PhotoCheck['metadata'], rule: SiteRule) =>
  (metadata?.findings ?? []).filter((f) => rule.metadata === 'ask' || (rule.metadata === 'keep' && f.kind === 'video'));

/**
 * Whether what the file itself says is reason enough for the user to see it (warn mode), known
 * before its faces: metadata the rule asks about, or an animation the detector will see only part
 * of (its first frame, or some of a long GIF's).
 */
export const fileNeedsAsking = (metadata: PhotoCheck['metadata'], rule: SiteRule) =>
  askedAbout(metadata, rule).length > 0 ||
  firstFrameOnly(metadata) ||
  (metadata?.frames ?? 0) > MAX_CHECKED_FRAMES;

/**
 * Whether the user must see this photo before it is posted (warn mode): it could not be read, nor
 * its details where the rule cares about them (they may be there, and cannot be removed), it
 * shows faces the rule warns about, the file itself needs asking about, or it is an animation
 * some frames of which went unchecked.
 */
export function needsAsking(check: PhotoCheck, rule: SiteRule): boolean {
  if (check.faces === null || (check.metadata === null && rule.metadata !== 'keep')) return true;
  if (hasFaces(check) && rule.warnFacesWithoutMetadata) return true;
  return fileNeedsAsking(check.metadata, rule) || partlyChecked(check);
}

/**
 * What is done without asking. Protect mode masks every face found; metadata goes unless the rule
 * keeps it ("ask" removes it there: nobody is asked), and a motion photo's video goes even then
 * (see `askedAbout`). Warn mode, when nothing needs asking, only removes metadata the rule always
 * removes.
 */
export function automaticProtection(check: PhotoCheck, rule: SiteRule): Protection {
  const protect = rule.mode === 'protect';
  return {
    mask: protect,
    style: rule.maskStyle,
    strip: protect ? (rule.metadata === 'keep' ? 'video' : true) : rule.metadata === 'remove',
    faces: (check.faces ?? []).map(() => true),
  };
}

/** How the overlay's choices start out for this selection. */
export function overlayDefaults(checks: PhotoCheck[], rule: SiteRule): OverlayDefaults {
  return {
    mask: checks.some(hasFaces),
    strip: rule.metadata !== 'keep' && checks.some((check) => hasMetadata(check) || detailsUnread(check)),
    style: rule.maskStyle,
  };
}
