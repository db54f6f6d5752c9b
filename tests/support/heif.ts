/**
 * A minimal HEIF file, as an iPhone's HEIC is laid out: `ftyp`, a `meta` box whose items are an
 * image, an Exif block and an XMP packet, and their bytes in `mdat`. The image item is stand-in
 * bytes (no browser here decodes HEVC), so the file tests what is read and removed around it.
 */
export const text = (value: string) => new TextEncoder().encode(value);
const u16 = (value: number) => Uint8Array.from([value >> 8, value & 255]);
export const u32 = (value: number) => Uint8Array.from([value >>> 24, (value >> 16) & 255, (value >> 8) & 255, value & 255]);
export const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
};
export const box = (type: string, ...parts: Uint8Array[]) => join(u32(8 + parts.reduce((n, p) => n + p.length, 0)), text(type), ...parts);
const fullBox = (type: string, version: number, ...parts: Uint8Array[]) => box(type, Uint8Array.from([version, 0, 0, 0]), ...parts);
const infe = (id: number, type: string, contentType?: string) =>
  fullBox('infe', 2, u16(id), u16(0), text(type), text('\0'), ...(contentType ? [text(`${contentType}\0`)] : []));

export function heifWith(exifTiff: Uint8Array, xmp: string, image: Uint8Array = new Uint8Array(4096).fill(0x5a)): Uint8Array {
  const items = [image, join(u32(6), text('Exif\0\0'), exifTiff), text(xmp)];
  const ftyp = box('ftyp', text('heic'), u32(0), text('mif1heic'));
  const meta = (offsets: number[]) =>
    fullBox(
      'meta',
      0,
      fullBox('hdlr', 0, u32(0), text('pict'), new Uint8Array(12), text('\0')),
      fullBox('pitm', 0, u16(1)),
      fullBox('iinf', 0, u16(3), infe(1, 'hvc1'), infe(2, 'Exif'), infe(3, 'mime', 'application/rdf+xml')),
      // 4-byte offsets and lengths, no base offset, one extent per item.
      fullBox('iloc', 0, Uint8Array.from([0x44, 0x00]), u16(3), ...items.map((item, i) => join(u16(i + 1), u16(0), u16(1), u32(offsets[i]!), u32(item.length)))),
    );
  const dataStart = ftyp.length + meta([0, 0, 0]).length + 8;
  const offsets = items.map((_, i) => dataStart + items.slice(0, i).reduce((n, item) => n + item.length, 0));
  return join(ftyp, meta(offsets), box('mdat', ...items));
}

/** An XMP packet naming the photo's author, as photo apps write one. */
export const JANE_XMP =
  '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Jane Parent</rdf:li></rdf:Seq></dc:creator></rdf:Description>' +
  `</rdf:RDF></x:xmpmeta>${' '.repeat(200)}<?xpacket end="w"?>`;
