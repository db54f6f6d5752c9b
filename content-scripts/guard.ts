import { t } from '../messaging/i18n';
import type { SiteRule } from '../settings/schema';
import { bytesCarrier } from '../messaging/carried-image';
import { courierCarrier } from './courier-host';
import { type DetectorPort, warmOnComposer } from './detector-port';
import { extensionDetector } from './extension-detector';
import { type HeldSelection, holdUploads, isImage } from './hold-uploads';
import { overlayWindows, type OverlaySession, type OverlayWindows } from './overlay-host';
import type { PendingPhoto } from './overlay/protocol';
import { FaceMemory } from './face-memory';
import { checkPhoto, fileMetadata, fileRead, type PhotoCheck } from './photo-check';
import { automaticProtection, fileNeedsAsking, firstFrameOnly, needsAsking, overlayDefaults, partlyChecked } from './policy';
import { type Outcome, protectAll, type Recheck } from './protect';
import { MAX_PHOTOS, overlayPhoto, report, summary } from './photo-report';
import { type RuleSource, watchRule } from './site-rule';
import type { Site } from './sites/site';
import { statusNotice, WORK_NOTICE_DELAY_MS } from './status-notice';
import { thumbnail } from './upright-copy';
import { BRIDGE_QUESTION, DELIVERING_ATTRIBUTE } from './trust-bridge';

/** Photos this tab checked already, so that one picked again is not waited for twice. */
const memory = new FaceMemory();

/** What the guard checks photos and asks the user with. */
interface Tools {
  detector: DetectorPort;
  windows: OverlayWindows;
}

interface Checked {
  checks: PhotoCheck[];
  /** The overlay, if a photo needed the user; it opened at the first such photo. */
  overlay: OverlaySession | null;
}

/**
 * Checks the photos one after the other. In warn mode the overlay opens as soon as one photo needs
 * the user: at once when what a file itself says is why (every file's metadata is read first, in
 * milliseconds each), else when that photo's faces are found — so the first result shows after
 * one analysis at most instead of all of them; the others fill in as they are checked. A cancel
 * while photos are still being checked stops the checking, the detector's work on the photo in hand too.
 */
async function checkAll(site: Site, rule: SiteRule, tools: Tools, files: File[], withheld: number, signal: AbortSignal): Promise<Checked> {
  const { detector, windows } = tools;
  const notice = statusNotice(signal, { after: WORK_NOTICE_DELAY_MS });
  const checks: PhotoCheck[] = [];
  const asking = rule.mode === 'warn';
  let overlay: OverlaySession | null = null;
  const done = new AbortController();
  const said: Array<PhotoCheck['metadata']> = [];
  const waiting = (file: File, i: number): PendingPhoto => ({
    name: file.name,
    pending: true,
    ...(said[i] && { metadata: said[i].findings, animated: firstFrameOnly(said[i]) }),
  });
  /** Opens on the photos checked so far, then `current` (its faces being looked for), then the rest. */
  const open = async (current: PendingPhoto | null) => {
    notice.remove();
    const next = checks.length + (current ? 1 : 0);
    const rest = files.slice(next).map((file, i) => waiting(file, next + i));
    const photos = [...(await Promise.all(checks.map((check) => overlayPhoto(check)))), ...(current ? [current] : []), ...rest];
    const request = { siteKey: site.key, settingsUrl: site.settingsUrl ?? null, audience: site.audience?.() ?? null, withheld, photos };
    return windows.open({ ...request, defaults: overlayDefaults(checks, rule) }, signal);
  };
  try {
    notice.show([t('checkingPhotos', '1', String(files.length))]);
    const start = (i: number, bytes?: Uint8Array | null) =>
      checkPhoto(files[i]!, said[i] ?? null, detector, rule.sensitivity, AbortSignal.any([signal, done.signal]), { memory, bytes });
    // The first analysis starts once its file is read, before the others are (15 ms each for a
    // phone's photo), and before the window is drawn.
    const read = files[0] && (await fileRead(files[0]));
    if (read) said.push(read.metadata);
    const first = read ? start(0, read.bytes) : null;
    for (const file of files.slice(1)) said.push(await fileMetadata(file));
    /** The first photo's thumbnail, when the window opened on it before any face was looked for. */
    let shown: Blob | null | undefined;
    if (asking && said.some((metadata) => metadata && fileNeedsAsking(metadata, rule))) {
      shown = await thumbnail(files[0]!);
      overlay = await open({ ...waiting(files[0]!, 0), thumbnail: shown });
    }
    for (const i of files.keys()) {
      if (!overlay) notice.show([t('checkingPhotos', String(i + 1), String(files.length))]);
      const checking = i === 0 ? first! : start(i);
      const check = await (overlay ? Promise.race([checking, overlay.decision.then(() => null)]) : checking);
      if (!check) break;
      report(check);
      checks.push(check);
      if (overlay) overlay.update(i, await overlayPhoto(check, i === 0 ? shown : undefined), overlayDefaults(checks, rule));
      else if (asking && needsAsking(check, rule)) overlay = await open(null);
    }
  } catch (error) {
    overlay?.close(); // never leave a window "checking" a selection that was given up
    throw error;
  } finally {
    done.abort(); // a check still running (the user cancelled before it ended) is not waited for
    notice.remove();
  }
  return { checks, overlay };
}

async function decide(site: Site, rule: SiteRule, tools: Tools, selection: HeldSelection, signal: AbortSignal): Promise<void> {
  const { detector } = tools;
  const images = selection.files.filter(isImage);
  const withheld = images.slice(MAX_PHOTOS);
  const { checks, overlay } = await checkAll(site, rule, tools, images.slice(0, MAX_PHOTOS), withheld.length, signal);

  const checkingMasks = statusNotice(signal, { after: WORK_NOTICE_DELAY_MS });
  const recheck: Recheck = async (file, within) => {
    checkingMasks.show([t('checkingMasks')]);
    return (await checkPhoto(file, null, detector, rule.sensitivity, signal, { within })).faces;
  };
  let outcome: Outcome;
  if (!overlay) {
    outcome = await protectAll(checks, (check) => automaticProtection(check, rule), recheck);
  } else {
    // Only "cancel" can come before every photo is checked: the other choices wait for them.
    const decision = await overlay.decision;
    if (decision.action === 'cancel') return selection.cancel();
    outcome =
      decision.action === 'original'
        ? { files: new Map(checks.map((check) => [check.file, check.file])), maskedFaces: 0, filledInstead: 0, stripped: 0, videosRemoved: 0, failed: [] }
        : await protectAll(checks, (check, i) => ({ ...decision, faces: decision.photos[i]?.faces ?? [] }), recheck);
  }
  checkingMasks.remove();
  // Photos that could not be read, and animations not every frame of which was checked, were shown
  // as such in the overlay; without one, say so here.
  const unseen = (partly: (check: PhotoCheck) => boolean) => (overlay ? [] : checks.filter(partly).map((check) => check.file.name));
  const unchecked = unseen((check) => check.faces === null);
  const firstFrames = unseen((check) => partlyChecked(check) && !check.frames);
  const lines = summary(outcome, withheld.length, unchecked, firstFrames, unseen((check) => partlyChecked(check) && !!check.frames));
  if (lines.length) {
    const notice = statusNotice(signal);
    notice.show(lines);
    notice.fade();
  }
  // Videos and other files pass untouched; photos beyond the limit and failed masks are held back.
  const delivered = selection.files.flatMap((file) => (isImage(file) ? (outcome.files.get(file) ?? []) : [file]));
  if (delivered.length) selection.deliver(delivered);
  else selection.cancel();
}

/** What the guard needs of its content script's context (WXT's). */
export interface GuardContext {
  readonly signal: AbortSignal;
  /**
   * False once the extension is gone from under the page: updated (Chrome leaves the old script
   * running, cut off from the extension, beside the one the background injects anew), disabled or
   * removed. A photo held then could be neither checked nor handed back: it is left to the page.
   */
  readonly isValid: boolean;
}

/** Holds back every photo picked on this site, as its rule says, until the user has seen what it reveals. */
export function startGuard(site: Site, context: GuardContext): void {
  const { signal } = context;
  const rules: RuleSource = watchRule(site.key, signal);
  const guarding = () => context.isValid && rules.current().mode !== 'off';
  // Firefox's runtime messages carry bytes; Chrome's, JSON only: photos go by a courier frame there.
  const detector = extensionDetector(import.meta.env.FIREFOX ? bytesCarrier : courierCarrier(signal));
  const windows = overlayWindows(signal);
  // The next window's frame is loaded ahead once the detector is warm, and after each selection:
  // not while one is being decided, when it would take the cores from the photos' check.
  let deciding = 0;
  const prepareWindow = () => !deciding && guarding() && windows.prepare();
  warmOnComposer(detector, signal, guarding, prepareWindow);
  const refuse = (selection: HeldSelection, message: string) => {
    selection.cancel();
    const notice = statusNotice(signal);
    notice.show([t(message)]);
    notice.fade();
  };
  const take = async (selection: HeldSelection) => {
    // A page open before the extension was: the site might ignore what the guard would hand it.
    if (window.dispatchEvent(new Event(BRIDGE_QUESTION, { cancelable: true }))) return refuse(selection, 'noticeReload');
    deciding++;
    // A fault of ours must not post faces the user wanted masked: nothing is added, and the
    // user is told (the photos are still on their device). Unreadable photos never get here.
    await decide(site, rules.current(), { detector, windows }, selection, signal).catch(() => refuse(selection, 'noticeFailed'));
    deciding--;
    prepareWindow();
  };
  // One selection at a time: photos picked while others are being decided wait their turn (two
  // windows at once would confuse, and the analyses would share the CPU).
  let queue = Promise.resolve();
  holdUploads(
    guarding,
    (selection) => {
      queue = queue.then(() => take(selection));
    },
    (target, event) => {
      const root = document.documentElement;
      root.setAttribute(DELIVERING_ATTRIBUTE, '');
      try {
        target.dispatchEvent(event);
      } finally {
        root.removeAttribute(DELIVERING_ATTRIBUTE);
      }
    },
    signal,
  );
}
