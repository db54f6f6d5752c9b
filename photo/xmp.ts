import type { EmbeddedDetails } from './details';
import { distinct } from './details';
import type { StringTag } from './exif-tags';

/**
 * A reader for the few XMP properties that tell where, when, with what and by whom a photo was
 * taken, and who is in it. XMP is RDF/XML, but the programs that write it (Adobe's XMP toolkit,
 * exiftool, digiKam, phones) use the standard namespace prefixes, as attributes or elements; a
 * pattern per property reads them without an XML parser, which the extension's workers and the
 * unit tests (Node) lack. A packet may bind a namespace to another prefix (Photoshop 7 wrote `xap:`
 * for `xmp:`; any writer may choose its own): each property is also looked for under the prefixes
 * the packet binds to its namespace.
 */

/** The namespaces read, by the prefixes the properties below are written with. */
const NAMESPACES: Record<string, string> = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  exif: 'http://ns.adobe.com/exif/1.0/',
  exifEX: 'http://cipa.jp/exif/1.0/',
  aux: 'http://ns.adobe.com/exif/1.0/aux/',
  tiff: 'http://ns.adobe.com/tiff/1.0/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  'mwg-rs': 'http://www.metadataworkinggroup.com/schemas/regions/',
  MPReg: 'http://ns.microsoft.com/photo/1.2/t/Region#',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  Iptc4xmpExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
};

/** Whether a packet holds RDF, the form XMP's properties take (under whatever prefix). */
export const holdsRdf = (packet: string) => packet.includes('rdf:RDF') || packet.includes(NAMESPACES.rdf!);

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** Other prefixes looked at per namespace: a hostile packet binding thousands costs no more than a few. */
const MAX_ALIASES = 4;

/**
 * How a packet writes the namespaces above: `of` a usual prefix, it and those the packet binds to
 * its namespace; `listItem`, a list's items (`rdf:li`) under any of RDF's, made once a packet.
 */
interface Spelling {
  of: (prefix: string) => string[];
  listItem: RegExp;
}

function spellingIn(xmp: string): Spelling {
  const aliases = new Map<string, string[]>();
  for (const [, alias, uri] of xmp.matchAll(/xmlns:([A-Za-z_][\w.-]{0,63})\s*=\s*["']([^"']{0,256})["']/g)) {
    const usual = Object.keys(NAMESPACES).find((prefix) => NAMESPACES[prefix] === uri);
    if (!usual || alias === usual) continue;
    const known = aliases.get(usual) ?? [];
    if (known.length < MAX_ALIASES && !known.includes(alias!)) aliases.set(usual, [...known, alias!]);
  }
  const of = (prefix: string) => [prefix, ...(aliases.get(prefix) ?? [])];
  return { of, listItem: new RegExp(`<(${of('rdf').map(escaped).join('|')}):li(?:\\s[^>]{0,256})?>([^<]*)</\\1:li>`, 'g') };
}

/** `name` (usual prefix, colon, local name) as the packet may write it. */
const spelled = (name: string, spelling: Spelling) => {
  const [prefix, local] = name.split(':') as [string, string];
  return spelling.of(prefix).map((alias) => `${alias}:${local}`);
};

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

/** Every value of a property (as the packet spells it), written as an attribute or as an element, a list's items included. */
function values(xmp: string, property: string, spelling: Spelling): string[] {
  const found: string[] = [];
  for (const name of spelled(property, spelling)) {
    for (const m of xmp.matchAll(new RegExp(`\\s${escaped(name)}\\s*=\\s*(?:"([^"]{0,${REACH}})"|'([^']{0,${REACH}})')`, 'g'))) found.push(m[1] ?? m[2]!);
    for (const inner of elements(xmp, name)) {
      const items = [...inner.matchAll(spelling.listItem)].map((li) => li[2]!);
      // An element holding a structure rather than text names nothing itself.
      found.push(...(items.length > 0 || inner.includes('<') ? items : [inner]));
    }
  }
  return found.map((v) => unescaped(v).trim()).filter(Boolean);
}

const first = (xmp: string, properties: string[], spelling: Spelling) => properties.flatMap((p) => values(xmp, p, spelling))[0];

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
  const spelling = spellingIn(xmp);
  const strings: EmbeddedDetails['tags']['strings'] = {};
  for (const [tag, properties] of AS_EXIF) {
    const value = first(xmp, properties, spelling);
    if (value) strings[tag] = value;
  }
  const latitude = coordinate(first(xmp, ['exif:GPSLatitude'], spelling), 90);
  const longitude = coordinate(first(xmp, ['exif:GPSLongitude'], spelling), 180);
  return {
    tags: { strings, ...(latitude !== undefined && longitude !== undefined && { latitude, longitude }) },
    named: distinct(NAMED.flatMap((p) => values(xmp, p, spelling))),
  };
}
