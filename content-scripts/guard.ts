import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/channel';
import { showCheckingStatus } from './checking-status';
import { type DetectorPort, warmOnComposer } from './detector-port';
import { type HeldSelection, holdUploads, isImage } from './hold-uploads';
import { askUser } from './overlay-host';
import type { OverlayPhoto } from './overlay/protocol';
import { checkPhoto, needsAttention, type PhotoCheck } from './photo-check';
import { protectPhoto } from './protect';
import type { Site } from './sites/site';
import { thumbnail } from './thumbnail';
import { DELIVERING_ATTRIBUTE } from './trust-bridge';

const detector: DetectorPort = {
  analyse: (image) => sendMessage('analyse', { image }),
  warm: () => sendMessage('warm', {}),
};

async function overlayPhoto(check: PhotoCheck): Promise<OverlayPhoto> {
  return {
    name: check.file.name,
    thumbnail: check.faces ? await thumbnail(check.file) : null,
    width: check.width,
    height: check.height,
    faces: check.faces?.map((f) => [f.x, f.y, f.width, f.height]) ?? null,
    metadata: check.metadata?.findings ?? [],
  };
}

/** Diagnostic line in the content script's console: counts only, never sent anywhere. */
function report(check: PhotoCheck): void {
  const { file, faces, metadata } = check;
  console.info(
    faces
      ? `photo-guard: ${file.name}: ${faces.length} face(s), metadata: ${metadata?.findings.map((f) => f.kind).join(',') || 'none'}`
      : `photo-guard: ${file.name}: could not check this photo`,
  );
}

async function decide(site: Site, selection: HeldSelection, signal: AbortSignal): Promise<void> {
  const checks = new Map<File, PhotoCheck>();
  const images = selection.files.filter(isImage);
  const hideStatus = showCheckingStatus(browser.i18n.getMessage('checkingPhotos', [String(images.length)]));
  try {
    for (const file of images) {
      const check = await checkPhoto(file, detector);
      report(check);
      checks.set(file, check);
    }
  } finally {
    hideStatus();
  }
  if (![...checks.values()].some(needsAttention)) return selection.deliver(selection.files);

  const photos = await Promise.all([...checks.values()].map(overlayPhoto));
  const request = { siteKey: site.key, settingsUrl: site.settingsUrl, audience: site.audience?.() ?? null, photos };
  const decision = await askUser(request, signal);
  if (decision.action === 'cancel') return selection.cancel();
  if (decision.action === 'original') return selection.deliver(selection.files);
  const choices = [...checks.keys()];
  const protectedFiles = await Promise.all(
    selection.files.map((file) => {
      const check = checks.get(file);
      if (!check) return file; // videos and other files pass untouched
      const faces = decision.photos[choices.indexOf(file)]?.faces ?? [];
      return protectPhoto(check, { mask: decision.mask, style: decision.style, strip: decision.strip, faces }).catch(() => file);
    }),
  );
  selection.deliver(protectedFiles);
}

/** Holds back every photo picked on this site until the user has seen what it reveals. */
export function startGuard(site: Site, signal: AbortSignal): void {
  warmOnComposer(detector, signal);
  holdUploads(
    (selection) => {
      // Whatever goes wrong, the user's files reach the site untouched rather than being lost.
      decide(site, selection, signal).catch(() => selection.deliver(selection.files));
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
