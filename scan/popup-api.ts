import { browser } from 'wxt/browser';
import { analyseImage } from '../content-scripts/detector-port';
import { extensionDetector } from '../content-scripts/extension-detector';
import { bytesCarrier, deskCarrier } from '../messaging/carried-image';
import { parcelDesk } from '../messaging/parcels';
import { t } from '../messaging/i18n';
import type { PopupApi } from '../popup-ui/api';
import { siteForHost } from '../content-scripts/sites/registry';
import { ruleFor } from '../settings/schema';
import { readSettings } from '../settings/store';
import { fetchInPage, type FoundPhoto } from './find-photos';
import { onImageHost } from './image-hosts';

async function tabToScan() {
  const id = new URLSearchParams(location.search).get('tab');
  if (id) return browser.tabs.get(Number(id));
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

// The popup is an extension page: in Chrome, it leaves photos at its own parcel desk.
const detector = extensionDetector(import.meta.env.FIREFOX ? bytesCarrier : deskCarrier(parcelDesk()));

/** The popup's access to tabs, scripting, fetching and the detector. */
export const browserPopupApi: PopupApi = {
  t,
  async target() {
    const tab = await tabToScan();
    if (tab?.id === undefined) return null;
    // The URL is only known where the extension has access: a guarded site, or the active tab.
    const host = tab.url ? new URL(tab.url).hostname : '';
    const site = siteForHost(host);
    const { sensitivity } = ruleFor(await readSettings(), site?.key ?? host);
    return { tabId: tab.id, host, siteKey: site?.key ?? null, settingsUrl: site?.settingsUrl ?? null, sensitivity };
  },
  async findPhotos({ tabId }) {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/find-photos.js'] });
    return frame!.result as { photos: FoundPhoto[]; more: number };
  },
  async fetchPhoto({ tabId }, { src }) {
    if (onImageHost(src)) {
      const response = await fetch(src, { credentials: 'omit' });
      if (!response.ok) throw new Error(`${response.status} for ${src}`);
      return new Uint8Array(await response.arrayBuffer());
    }
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: fetchInPage, args: [src] });
    if (typeof frame?.result !== 'string') throw new Error(`the page could not fetch ${src}`);
    return Uint8Array.fromBase64(frame.result);
  },
  analyse: (bytes, { sensitivity }, signal) => analyseImage(detector, new Blob([bytes as Uint8Array<ArrayBuffer>]), 'scanned photo', sensitivity, signal),
};
