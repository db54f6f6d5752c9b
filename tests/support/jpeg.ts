import { readContainer } from '../../photo/segments';
import { orientationOnlyExif } from '../../photo/strip';
import { join } from './heif';

/** A JPEG marker segment: FF, the marker, its big-endian length (counting itself), the content. */
export function jpegSegment(marker: number, ...content: Uint8Array[]): Uint8Array {
  const body = join(...content);
  const length = body.length + 2;
  return join(Uint8Array.of(0xff, marker, length >> 8, length & 255), body);
}

/** The JPEG with segments inserted at byte `at` (2: right after SOI). */
export const withSegments = (jpeg: Uint8Array, at: number, ...segments: Uint8Array[]) => join(jpeg.subarray(0, at), ...segments, jpeg.subarray(at));

/** A JPEG APP1 segment holding an XMP packet, after the namespace header that marks it as XMP. */
export const xmpSegment = (packet: string) => jpegSegment(0xe1, new TextEncoder().encode(`http://ns.adobe.com/xap/1.0/\0${packet}`));

/**
 * An XMP packet that writes its namespaces with prefixes of its own: `xap:` for the xmp namespace,
 * as Photoshop 7 did, and a writer's own for exif's and RDF's. It says where (45.76° N, 4.84° E),
 * when, with what, the city and a name.
 */
export const OWN_PREFIXES_XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><R:RDF xmlns:R="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <R:Description R:about="" xmlns:xap="http://ns.adobe.com/xap/1.0/" xmlns:e='http://ns.adobe.com/exif/1.0/'
    xmlns:ps="http://ns.adobe.com/photoshop/1.0/" xap:CreatorTool="Adobe Photoshop 7.0" xap:CreateDate="2003-05-10T14:02:11">
  <e:GPSLatitude>45,45.6N</e:GPSLatitude><e:GPSLongitude>4,50.4E</e:GPSLongitude>
  <ps:City>Lyon</ps:City><dc:subject xmlns:dc="http://purl.org/dc/elements/1.1/"><R:Bag><R:li>Emma</R:li></R:Bag></dc:subject>
  </R:Description></R:RDF></x:xmpmeta>`;

/**
 * `primary` with `appended` stored after it as the Multi-Picture Format does (a camera's preview,
 * a phone's gain map): an APP2 "MPF" index right after SOI, whose two entries give each image's
 * size and offset (from the index's TIFF header), and the second image after the first's EOI.
 */
export function withMpfImage(primary: Uint8Array, appended: Uint8Array): Uint8Array {
  const indexLength = 4 + 8 + 2 + 3 * 12 + 4 + 2 * 16; // "MPF\0", TIFF header, IFD of 3 entries, 2 MP entries
  const headerAt = 2 + 4 + 4; // SOI, APP2 marker and length, "MPF\0"
  const firstSize = primary.length + 4 + indexLength;
  const index = new DataView(new ArrayBuffer(indexLength));
  new Uint8Array(index.buffer).set(new TextEncoder().encode('MPF\0MM\0\x2a\0\0\0\x08'));
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    index.setUint16(at, tag);
    index.setUint16(at + 2, type);
    index.setUint32(at + 4, count);
    index.setUint32(at + 8, value);
  };
  index.setUint16(12, 3);
  entry(14, 0xb000, 7, 4, 0x30313030); // MPFVersion "0100"
  entry(26, 0xb001, 4, 1, 2); // NumberOfImages
  entry(38, 0xb002, 7, 32, 8 + 2 + 36 + 4); // MPEntry, right after the IFD
  const mpEntry = (at: number, attributes: number, size: number, offset: number) => {
    index.setUint32(at, attributes);
    index.setUint32(at + 4, size);
    index.setUint32(at + 8, offset);
  };
  mpEntry(4 + 50, 0x20030000, firstSize, 0); // baseline primary image
  mpEntry(4 + 66, 0x00010001, appended.length, firstSize - headerAt); // large thumbnail
  return join(withSegments(primary, 2, jpegSegment(0xe2, new Uint8Array(index.buffer))), appended);
}

/** A JPEG's (first) APP1 EXIF segment, marker and "Exif\0\0" included. */
const exifSegmentOf = (jpeg: Uint8Array) => {
  const exif = readContainer(jpeg).segments.find((s) => s.kind === 'exif')!;
  return jpeg.subarray(exif.start, exif.end);
};

/**
 * `photo` given two EXIF blocks: first one holding only the orientation (6, turned a quarter), then
 * the EXIF of `camera` (its location, date and camera), as a careless tool may leave them.
 */
export function withSecondExif(photo: Uint8Array, camera: Uint8Array): Uint8Array {
  return withSegments(photo, 2, orientationOnlyExif(6), exifSegmentOf(camera));
}

/**
 * The EXIF of `camera` in an APP1 segment after the identifier `header` (one byte a character)
 * instead of the standard "Exif\0\0": a few Kodak cameras wrote "Exif\0\xff", some tools stray bytes first.
 */
export function exifUnder(header: string, camera: Uint8Array): Uint8Array {
  const tiff = exifSegmentOf(camera).subarray(10); // past the marker, the length and "Exif\0\0"
  return jpegSegment(0xe1, Uint8Array.from(header, (c) => c.charCodeAt(0)), tiff);
}
