import type { EncodedImage } from '../../messaging/carried-image';

/** What the content script asks of its courier frame: an ImageCarrier's calls. */
export type CourierCall =
  | { type: 'pack'; image: Blob; name: string }
  | { type: 'unpack'; image: EncodedImage }
  | { type: 'release'; image: EncodedImage };

export interface CourierRequest {
  id: number;
  call: CourierCall;
}

/** The frame's first message says it is listening; then one answer per request. */
export type CourierMessage =
  | { type: 'ready' }
  | { type: 'answer'; id: number; ok: true; value: EncodedImage | Blob | null }
  | { type: 'answer'; id: number; ok: false; error: string };
