import type { Sensitivity } from '../models/analysis-options';
import type { FaceAnalysis } from '../models/face-analyser';
import type { StandIn } from './detector-port';

/** A selection's worth (Instagram takes 20) twice over: a post put together again after a cancel. */
export const REMEMBERED_PHOTOS = 40;

/**
 * Of those, the photos remembered with the stand-in the extension decoded for the page (a HEIC, as
 * a JPEG of a few MB and its thumbnail, held by the browser as Blobs): up to ten iPhone photos
 * picked again after a cancel are shown at once instead of decoded again for seconds each, and the
 * memory stays tens of MB.
 */
export const REMEMBERED_DRAWN = 10;

/** What is remembered of a photo: its faces, and for a photo the page cannot draw, the stand-in it can. */
export type Remembered = FaceAnalysis & { standIn?: StandIn };

/**
 * The faces found in photos this tab has checked, by their bytes and the sensitivity they were
 * looked for at: a photo picked again (after a cancel, for another post, pasted twice) is known at
 * once instead of waited for a second time. Only boxes and sizes (and the stand-ins of a few photos
 * the page cannot draw, see REMEMBERED_DRAWN), kept in the content script's memory (out of the
 * page's reach) and gone with the tab; the oldest go first.
 */
export class FaceMemory {
  private readonly known = new Map<string, Remembered>();

  /** The key of these bytes at this sensitivity: their SHA-256, which no other photo shares. */
  async keyOf(bytes: Uint8Array, sensitivity: Sensitivity): Promise<string> {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    return `${sensitivity}:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  }

  recall(key: string): Remembered | undefined {
    const analysis = this.known.get(key);
    if (analysis) this.keep(key, analysis); // now the most recent
    return analysis;
  }

  keep(key: string, analysis: Remembered): void {
    this.known.delete(key);
    this.known.set(key, analysis);
    const drawn = [...this.known].filter(([, known]) => known.standIn).map(([drawnKey]) => drawnKey);
    for (const oldest of drawn.slice(0, Math.max(0, drawn.length - REMEMBERED_DRAWN))) this.known.delete(oldest);
    for (const oldest of this.known.keys()) {
      if (this.known.size <= REMEMBERED_PHOTOS) break;
      this.known.delete(oldest);
    }
  }
}
