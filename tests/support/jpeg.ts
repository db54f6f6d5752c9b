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
