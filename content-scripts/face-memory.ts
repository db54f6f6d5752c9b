import type { Sensitivity } from '../models/analysis-options';
import type { FaceAnalysis } from '../models/face-analyser';

/** A selection's worth (Instagram takes 20) twice over: a post put together again after a cancel. */
export const REMEMBERED_PHOTOS = 40;

/**
 * The faces found in photos this tab has checked, by their bytes and the sensitivity they were
 * looked for at: a photo picked again (after a cancel, for another post, pasted twice) is known at
 * once instead of waited for a second time. Only boxes and sizes, kept in the content script's
 * memory (out of the page's reach) and gone with the tab; the oldest go first.
 */
export class FaceMemory {
  private readonly known = new Map<string, FaceAnalysis>();

  /** The key of these bytes at this sensitivity: their SHA-256, which no other photo shares. */
  async keyOf(bytes: Uint8Array, sensitivity: Sensitivity): Promise<string> {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    return `${sensitivity}:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  }

  recall(key: string): FaceAnalysis | undefined {
    const analysis = this.known.get(key);
    if (analysis) this.keep(key, analysis); // now the most recent
    return analysis;
  }

  keep(key: string, analysis: FaceAnalysis): void {
    this.known.delete(key);
    this.known.set(key, analysis);
    for (const oldest of this.known.keys()) {
      if (this.known.size <= REMEMBERED_PHOTOS) break;
      this.known.delete(oldest);
    }
  }
}
