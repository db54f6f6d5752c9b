import type { EmbeddedDetails } from './details';
import { distinct } from './details';
import type { StringTag } from './exif-tags';

/**
 * A reader for the few XMP properties that tell where, when, with what and by whom a photo was
 * taken, and who is in it. XMP is RDF/XML, but the programs that write it (Adobe's XMP toolkit,
 * exiftool, digiKam, phones) use the standard namespace prefixes, as attributes or elements; a
 * pattern per property reads them without an XML parser, which the extension's workers and the
 * unit tests (Node) lack. A property under an unusual prefix is missed: the packet is still listed
 * as present.
 */

/** XMP properties that say what an EXIF tag says, most reliable first. */
const AS_EXIF: [StringTag, string[]][] = [
  ['DateTimeOriginal', ['exif:DateTimeOriginal', 'photoshop:DateCreated', 'xmp:CreateDate']],
  ['Make', ['tiff:Make']],
  ['Model', ['tiff:Model']],
  ['LensModel', ['exifEX:LensModel', 'aux:Lens']],
  ['BodySerialNumber', ['exifEX:BodySerialNumber', 'aux:SerialNumber']],
  ['LensSerialNumber', ['exifEX:LensSerialNumber', 'aux:LensSerialNumber']],
  ['CameraOwnerName', ['exifEX:CameraOwnerName', 'aux:OwnerName']],
  ['Artist', ['dc:creator', 'tiff:Artist']],
  ['Copyright', ['dc:rights', 'tiff:Copyright']],
  ['Software', ['xmp:CreatorTool', 'tiff:Software']],
  ['ImageDescription', ['dc:description', 'tiff:ImageDescription', 'exif:UserComment']],
];

/**
 * Who is shown (face regions named by Lightroom, Picasa, digiKam or Windows Photo Gallery, IPTC's
 * person field), where, and what the photo is called and tagged with.
 */
const NAMED = [
  'mwg-rs:Name', 'MPReg:PersonDisplayName', 'Iptc4xmpExt:PersonInImage',
  'Iptc4xmpCore:Location', 'Iptc4xmpExt:Sublocation', 'photoshop:City', 'Iptc4xmpExt:City',
  'photoshop:State', 'Iptc4xmpExt:ProvinceState', 'photoshop:Country', 'Iptc4xmpExt:CountryName',
  'dc:title', 'photoshop:Headline', 'dc:subject',
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const unescaped = (text: string) =>
  text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

/**
 * The longest attribute value looked for: far beyond any name or title, and it keeps a quote
 * never ended, in a damaged or hostile packet, from costing time that grows with the square of
 * its size. Elements are walked with `indexOf`, in one pass.
 */
const REACH = 4096;

/** The content of each element named `property` (self-closing ones have none). */
function elements(xmp: string, property: string): string[] {
  const open = `<${property}`;
  const close = `</${property}>`;
  const found: string[] = [];
  for (let at = xmp.indexOf(open); at >= 0; at = xmp.indexOf(open, at + 1)) {
    if (!/[\s>/]/.test(xmp[at + open.length] ?? '')) continue; // a longer name that starts alike
    const start = xmp.indexOf('>', at) + 1;
    if (start === 0) break;
    if (xmp[start - 2] === '/') {
      at = start - 1;
      continue;
    }
    const end = xmp.indexOf(close, start);
    if (end < 0) break; // never closed, nor is any later one
    found.push(xmp.slice(start, end));
    at = end;
  }
  return found;
}

/** Every value of a property, written as an attribute or as an element, a list's items included. */
function values(xmp: string, property: string): string[] {
  const found: string[] = [];
  for (const m of xmp.matchAll(new RegExp(`\\s${property}\\s*=\\s*(?:"([^"]{0,${REACH}})"|'([^']{0,${REACH}})')`, 'g'))) found.push(m[1] ?? m[2]!);
  for (const inner of elements(xmp, property)) {
    const items = [...inner.matchAll(/<rdf:li(?:\s[^>]{0,256})?>([^<]*)<\/rdf:li>/g)].map((li) => li[1]!);
    // An element holding a structure rather than text names nothing itself.
    found.push(...(items.length > 0 || inner.includes('<') ? items : [inner]));
  }
  return found.map((v) => unescaped(v).trim()).filter(Boolean);
}

const first = (xmp: string, properties: string[]) => properties.flatMap((p) => values(xmp, p))[0];

/** XMP writes a coordinate as "DDD,MM,SSk" or "DDD,MM.mmk" (k: N, S, E or W); some write a signed decimal. */
function coordinate(text: string | undefined, limit: number): number | undefined {
  if (text === undefined) return undefined;
  const parts = /^(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])$/i.exec(text);
  const degrees = parts
    ? (Number(parts[1]) + Number(parts[2] ?? 0) / 60 + Number(parts[3] ?? 0) / 3600) * (/[SW]/i.test(parts[4]!) ? -1 : 1)
    : Number(text);
  return Number.isFinite(degrees) && Math.abs(degrees) <= limit ? degrees : undefined;
}

/** What an XMP packet (its text, headers around it included) says about the photo. */
export function readXmp(xmp: string): EmbeddedDetails {
  const strings: EmbeddedDetails['tags']['strings'] = {};
  for (const [tag, properties] of AS_EXIF) {
    const value = first(xmp, properties);
    if (value) strings[tag] = value;
  }
  const latitude = coordinate(first(xmp, ['exif:GPSLatitude']), 90);
  const longitude = coordinate(first(xmp, ['exif:GPSLongitude']), 180);
  return {
    tags: { strings, ...(latitude !== undefined && longitude !== undefined && { latitude, longitude }) },
    named: distinct(NAMED.flatMap((p) => values(xmp, p))),
  };
}
