/**
 * A minimal HEIF file, as an iPhone's HEIC is laid out: `ftyp`, a `meta` box whose items are an
 * image, an Exif block and an XMP packet, and their bytes in `mdat`. The image item is stand-in
 * bytes (no HEVC, which no decoder opens), so the file tests what is read and removed around it.
 */
export const text = (value: string) => new TextEncoder().encode(value);
export const u16 = (value: number) => Uint8Array.from([value >> 8, value & 255]);
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

interface Found {
  start: number;
  end: number;
  /** Where its children start: after its header, and a full box's version and flags. */
  body: number;
}

function childBoxes(bytes: Uint8Array, from: number, to: number): Array<Found & { type: string }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = [];
  for (let at = from; at < to; at += view.getUint32(at)) {
    const type = new TextDecoder().decode(bytes.subarray(at + 4, at + 8));
    found.push({ type, start: at, end: at + view.getUint32(at), body: at + (['meta', 'ipma', 'iloc', 'pitm'].includes(type) ? 12 : 8) });
  }
  return found;
}

export const child = (bytes: Uint8Array, parent: Found, type: string) => childBoxes(bytes, parent.body, parent.end).find((b) => b.type === type)!;
export const topBox = (bytes: Uint8Array, type: string) => child(bytes, { start: 0, body: 0, end: bytes.length }, type);

/**
 * The HEIF file turned as an iPhone turns a portrait photo: an `irot` property (`quarters` quarter
 * turns anticlockwise) given to its primary image, the coded pixels unchanged. The offsets of the
 * items in `mdat` move by what `meta` grew.
 */
export function rotatedHeif(heif: Uint8Array, quarters: number): Uint8Array {
  const meta = topBox(heif, 'meta');
  const view = new DataView(heif.buffer, heif.byteOffset, heif.byteLength);
  const primary = view.getUint16(child(heif, meta, 'pitm').body);
  const iprp = child(heif, meta, 'iprp');
  const [ipco, ipma] = [child(heif, iprp, 'ipco'), child(heif, iprp, 'ipma')];
  const index = childBoxes(heif, ipco.body, ipco.end).length + 1;
  const newIpco = box('ipco', heif.subarray(ipco.body, ipco.end), box('irot', Uint8Array.of(quarters)));
  // ipma: entries of (item, count, associations); one more, essential, for the primary image.
  const wide = (heif[ipma.start + 11]! & 1) === 1;
  const version = heif[ipma.start + 8]!;
  const parts: Uint8Array[] = [heif.subarray(ipma.start + 8, ipma.body + 4)];
  let at = ipma.body + 4;
  for (let entries = view.getUint32(ipma.body); entries > 0; entries--) {
    const idSize = version < 1 ? 2 : 4;
    const item = idSize === 2 ? view.getUint16(at) : view.getUint32(at);
    const count = heif[at + idSize]!;
    const size = idSize + 1 + count * (wide ? 2 : 1);
    const entry = heif.slice(at, at + size);
    if (item === primary) {
      entry[idSize] = count + 1;
      parts.push(entry, wide ? u16(0x8000 | index) : Uint8Array.of(0x80 | index));
    } else parts.push(entry);
    at += size;
  }
  const newIprp = box('iprp', newIpco, box('ipma', ...parts));
  const before = heif.subarray(meta.start + 8, iprp.start);
  const after = heif.subarray(iprp.end, meta.end);
  const newMeta = box('meta', before, newIprp, after);
  const out = join(heif.subarray(0, meta.start), newMeta, heif.subarray(meta.end));
  shiftFileOffsets(out, newMeta.length - (meta.end - meta.start));
  return out;
}

/** Moves by `by` bytes every extent `iloc` places in the file itself (construction method 0). */
function shiftFileOffsets(heif: Uint8Array, by: number): void {
  const iloc = child(heif, topBox(heif, 'meta'), 'iloc');
  const view = new DataView(heif.buffer, heif.byteOffset, heif.byteLength);
  const version = heif[iloc.start + 8]!;
  const [offsetSize, lengthSize, baseSize, indexSize] = [heif[iloc.body]! >> 4, heif[iloc.body]! & 15, heif[iloc.body + 1]! >> 4, version ? heif[iloc.body + 1]! & 15 : 0];
  const read = (at: number, size: number) => (size === 8 ? Number(view.getBigUint64(at)) : size === 4 ? view.getUint32(at) : 0);
  const write = (at: number, size: number, value: number) => (size === 8 ? view.setBigUint64(at, BigInt(value)) : size === 4 && view.setUint32(at, value));
  let at = iloc.body + 2;
  const items = version < 2 ? view.getUint16(at) : view.getUint32(at);
  at += version < 2 ? 2 : 4;
  for (let item = 0; item < items; item++) {
    at += version < 2 ? 2 : 4;
    const method = version ? view.getUint16(at) & 15 : 0;
    at += (version ? 2 : 0) + 2; // construction method, data reference index
    const base = read(at, baseSize);
    if (method === 0 && base) write(at, baseSize, base + by);
    at += baseSize;
    const extents = view.getUint16(at);
    at += 2;
    for (let extent = 0; extent < extents; extent++) {
      at += indexSize;
      if (method === 0 && !base) write(at, offsetSize, read(at, offsetSize) + by);
      at += offsetSize + lengthSize;
    }
  }
}
