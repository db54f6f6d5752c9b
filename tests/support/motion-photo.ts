import { box, join, text, u32 } from './heif';

/** A stand-in MP4: its `ftyp` box and a `mdat` of zeros (what the reader must recognise is the start). */
export const MP4 = join(box('ftyp', text('isom'), u32(512), text('isomiso2mp41')), box('mdat', new Uint8Array(2048)));

/**
 * A JPEG as phones write a "motion photo": Google appends the MP4 to the JPEG; Samsung puts a
 * marker before it; a Pixel's Ultra HDR photo has its gain map, a second JPEG, in between.
 */
export const motionPhotos = (jpeg: Uint8Array, gainMap: Uint8Array) => ({
  google: join(jpeg, MP4),
  samsung: join(jpeg, text('MotionPhoto_Data'), MP4),
  ultraHdr: join(jpeg, gainMap, MP4),
});

/** Samsung's HEIC motion photo: the MP4 in a top-level `mpvd` box. */
export const mpvd = () => box('mpvd', MP4);
