import type { MaskStyle } from '../../photo/mask';
import type { MetadataFinding } from '../../photo/metadata';

/** One photo as the overlay shows it. Boxes are [x, y, w, h] in the photo's displayed pixels. */
export interface OverlayPhoto {
  name: string;
  thumbnail: Blob | null;
  width: number;
  height: number;
  /** null: the photo could not be read, so nothing is known about its faces. */
  faces: Array<[number, number, number, number]> | null;
  /** Why a photo could not be read: a HEIC, which browsers cannot open, a damaged or unknown file, or a check that took too long. */
  unreadable?: 'heic' | 'damaged' | 'slow';
  metadata: MetadataFinding[];
  /** Its container could not be walked (a damaged file, a kind the extension does not know): its details are unknown, not absent. */
  metadataUnread?: true;
  /** An animation: without `frames`, only its first frame was checked, and masking posts that frame as a still image. */
  animated: boolean;
  /** An animation read frame by frame (a GIF): how many of its frames were checked; masking keeps it animated. */
  frames?: { checked: number; total: number };
}

/**
 * A photo whose faces are still being looked for: the overlay opens at the first photo that needs
 * the user, as soon as its metadata shows it does (reading it takes milliseconds, faces a second).
 */
export interface PendingPhoto {
  name: string;
  pending: true;
  /** Known early when it is why the overlay opened. */
  metadata?: MetadataFinding[];
  /** An animation only the first frame of which will be checked (known from the file). */
  animated?: boolean;
  thumbnail?: Blob | null;
}

export const isPending = (photo: OverlayPhoto | PendingPhoto): photo is PendingPhoto => 'pending' in photo;

/** How the choices start out, from the site's rule and the photos checked so far. */
export interface OverlayDefaults {
  mask: boolean;
  strip: boolean;
  style: MaskStyle;
}

export interface OverlayRequest {
  /** Settings key of the site, which picks its audience advice. */
  siteKey: string;
  /** Where the site's audience settings are; null for sites the user added. */
  settingsUrl: string | null;
  /** The audience the site's composer is set to, when it shows one ("Public"). */
  audience: string | null;
  defaults: OverlayDefaults;
  /** Photos beyond the limit, not shown and not posted. */
  withheld: number;
  photos: Array<OverlayPhoto | PendingPhoto>;
}

/** The request once one more photo has been checked. */
export const withPhoto = (request: OverlayRequest, index: number, photo: OverlayPhoto, defaults: OverlayDefaults): OverlayRequest => ({
  ...request,
  defaults,
  photos: request.photos.map((p, i) => (i === index ? photo : p)),
});

export interface PhotoChoice {
  /** Per face, whether to mask it (the user can untick a false alarm). */
  faces: boolean[];
}

export type Decision =
  | { action: 'protect'; mask: boolean; style: MaskStyle; strip: boolean; photos: PhotoChoice[] }
  | { action: 'original' }
  | { action: 'cancel' };

/** Messages on the private MessageChannel between the content script and the overlay frame. */
export type HostMessage =
  | { type: 'show'; request: OverlayRequest }
  /** One more photo checked; the defaults follow what has been found, unless the user set them. */
  | { type: 'photo'; index: number; photo: OverlayPhoto; defaults: OverlayDefaults };
export type OverlayMessage = { type: 'ready' } | { type: 'decision'; decision: Decision };
