import type { FoundPhoto } from '../scan/find-photos';
import { type MetadataFinding, readMetadata } from '../photo/metadata';
import type { PopupApi, ScanTarget } from './api';

export interface ScanResult {
  photo: FoundPhoto;
  state: 'waiting' | 'checked' | 'unreadable';
  /** null until checked, and when the photo could not be fetched or decoded. */
  faces: number | null;
  metadata: MetadataFinding[];
  /** The fetched bytes, for the thumbnail (never fetched a second time). */
  image: Blob | null;
}

/**
 * Checks each photo in turn — fetch, detector, metadata — and reports every step, so results
 * stream into the list. Stops when the signal aborts, the detector too.
 */
export async function scanPhotos(
  api: PopupApi,
  target: ScanTarget,
  photos: FoundPhoto[],
  report: (results: ScanResult[]) => void,
  signal: AbortSignal,
): Promise<ScanResult[]> {
  const results: ScanResult[] = photos.map((photo) => ({ photo, state: 'waiting', faces: null, metadata: [], image: null }));
  report([...results]);
  for (const [i, result] of results.entries()) {
    if (signal.aborted) break;
    let next: ScanResult;
    try {
      const bytes = await api.fetchPhoto(target, result.photo);
      const [analysis, metadata] = await Promise.all([api.analyse(bytes, target, signal), readMetadata(bytes).catch(() => null)]);
      // Stopped while it was being checked: it stays unchecked, not unreadable.
      if (signal.aborted) break;
      next = {
        ...result,
        state: analysis.ok ? 'checked' : 'unreadable',
        faces: analysis.ok ? analysis.analysis.faces.length : null,
        metadata: metadata?.findings ?? [],
        image: new Blob([bytes]),
      };
    } catch {
      next = { ...result, state: 'unreadable' };
    }
    results[i] = next;
    report([...results]);
  }
  return results;
}
