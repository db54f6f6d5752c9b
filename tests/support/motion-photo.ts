import { box, join, text, u32 } from './heif';
import { jpegSegment } from './jpeg';

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

/**
 * The XMP segment a Pixel writes into a motion photo: the flags and a directory of the file's
 * items, the video's length among them, which is how a gallery finds the video.
 */
export const motionPhotoXmp = (videoLength: number) =>
  jpegSegment(
    0xe1,
    text('http://ns.adobe.com/xap/1.0/\0'),
    text(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description rdf:about="" xmlns:GCamera="http://ns.google.com/photos/1.0/camera/" xmlns:Container="http://ns.google.com/photos/1.0/container/"' +
        ' xmlns:Item="http://ns.google.com/photos/1.0/container/item/" GCamera:MotionPhoto="1" GCamera:MotionPhotoVersion="1">' +
        '<Container:Directory><rdf:Seq><rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="image/jpeg" Item:Semantic="Primary" Item:Length="0"/></rdf:li>' +
        `<rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="video/mp4" Item:Semantic="MotionPhoto" Item:Length="${videoLength}"/></rdf:li>` +
        '</rdf:Seq></Container:Directory></rdf:Description></rdf:RDF></x:xmpmeta>',
    ),
  );
