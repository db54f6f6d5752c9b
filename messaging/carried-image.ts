import type { ParcelDesk } from './parcels';

/**
 * An image as it travels between extension contexts: as base64 where nothing faster is at hand
 * (Chrome's runtime messages carry JSON only), as its bytes where messages carry them (Firefox),
 * or named by the parcel a page holds it as (see parcels.ts).
 */
export type EncodedImage = { name: string; type: string } & ({ base64: string } | { bytes: Uint8Array<ArrayBuffer> } | { parcel: string });

/** How one context sends images to the detector and reads those it sends back. */
export interface ImageCarrier {
  pack(image: Blob, name: string): Promise<EncodedImage>;
  unpack(image: EncodedImage): Promise<Blob>;
  /** What `pack` kept for the detector is not needed any more (it was answered, or abandoned). */
  release(image: EncodedImage): void;
  /** Makes ready ahead of the first photo, where that takes time. */
  prepare?(): void;
  /**
   * A larger still photo is sent as an upright copy at the detector's working size (all of it the
   * detector would look at) whenever the copy is smaller: where carrying the file costs more than
   * making the copy, a decode and an encode on the page's thread.
   */
  copiesAbove: number;
  /** Nothing larger is sent whole, only as that copy. */
  sendsUpTo: number;
}

/**
 * As base64, a photo crossed two of Chrome's runtime messages at about 0.3 s per MB (a 2.3 MB
 * 12 MP photo reached the detector 0.67 s after it was sent, a 5 MB screenshot 1.5 s): carrying
 * the file cost more than looking at it. At quality 0.95, the copies of the bench's 73 photos
 * showed the detector the same faces, and no more false ones.
 */
const COPIED_ABOVE_BYTES = 1024 * 1024;

/** Chrome carries a runtime message as at most 64 MiB of JSON, which base64 makes a third larger. */
const SENT_UP_TO_BYTES = 24 * 1024 * 1024;

/**
 * A parcel takes milliseconds whatever its size: a 12 MP JPEG sent whole, decoded by the detector
 * at its working size, was checked 40 ms sooner than from a copy (2026-11-30).
 */
export const BY_PARCEL = { copiesAbove: Infinity, sendsUpTo: Infinity };

/** How long a page that was told of a parcel waits for the page holding it to hand it over. */
export const PARCEL_WAIT_MS = 10_000;

const asBlob = (bytes: Uint8Array<ArrayBuffer>, type: string) => new Blob([bytes], { type });

/** An image sent or sent back, as a Blob, whichever way it came: a parcel is taken from `desk`. */
export async function received(image: EncodedImage, desk?: ParcelDesk): Promise<Blob> {
  if ('bytes' in image) return asBlob(image.bytes, image.type);
  if ('base64' in image) return asBlob(Uint8Array.fromBase64(image.base64), image.type);
  if (!desk) throw new Error('a parcel came where no parcel desk is');
  return desk.want(image.parcel, PARCEL_WAIT_MS);
}

/** The detector's side: an image sent back the way `request` came. */
export function sentBack(request: EncodedImage, name: string, image: Blob, desk?: ParcelDesk): Promise<EncodedImage> {
  const carrier = 'parcel' in request && desk ? deskCarrier(desk) : 'bytes' in request ? bytesCarrier : base64Carrier;
  return carrier.pack(image, name);
}

const labelled = (image: Blob, name: string) => ({ name, type: image.type });

/** For Chrome's runtime messages. */
export const base64Carrier: ImageCarrier = {
  copiesAbove: COPIED_ABOVE_BYTES,
  sendsUpTo: SENT_UP_TO_BYTES,
  pack: async (image, name) => ({ ...labelled(image, name), base64: new Uint8Array(await image.arrayBuffer()).toBase64() }),
  unpack: (image) => received(image),
  release: () => undefined,
};

/**
 * For Firefox's runtime messages, which carry bytes as they are (structured clone): a phone photo
 * goes whole, decoded by the detector instead of by the page's thread for a copy (a 12 MP JPEG
 * passed in 314-333 ms against 339-340, 2026-11-30); up to the size Chrome's messages are held to.
 */
export const bytesCarrier: ImageCarrier = {
  copiesAbove: Infinity,
  sendsUpTo: SENT_UP_TO_BYTES,
  pack: async (image, name) => ({ ...labelled(image, name), bytes: new Uint8Array(await image.arrayBuffer()) }),
  unpack: (image) => received(image),
  release: () => undefined,
};

/** For an extension page (the popup, the courier frame): images left at its own desk. */
export function deskCarrier(desk: ParcelDesk): ImageCarrier {
  return {
    ...BY_PARCEL,
    pack: async (image, name) => {
      const parcel = crypto.randomUUID();
      desk.hold(parcel, image);
      return { ...labelled(image, name), parcel };
    },
    unpack: (image) => received(image, desk),
    release: (image) => ('parcel' in image ? desk.drop(image.parcel) : undefined),
  };
}
