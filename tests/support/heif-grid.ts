import { box, child, join, text, topBox, u16, u32 } from './heif';

/**
 * A HEIF photo laid out as an iPhone stores one: a `grid` image of coded tiles (hidden `hvc1`
 * items, each with its own properties), cut to the photo's size. Made from single-image HEIFs of
 * one tile each (what `heif-enc` writes), given row by row: each one's coded bytes and properties
 * are moved into the grid file unchanged.
 */
export function gridHeif(tiles: Uint8Array[], columns: number, width: number, height: number): Uint8Array {
  const parts = tiles.map(tilePart);
  const rows = tiles.length / columns;
  // Tiles share equal properties, as an iPhone's do (libheif reads at most 100 in 'ipco').
  const properties: Uint8Array[] = [];
  const indexOf = (property: Uint8Array) => {
    const found = properties.findIndex((known) => known.length === property.length && known.every((byte, i) => byte === property[i]));
    return 1 + (found >= 0 ? found : properties.push(property) - 1);
  };
  const associations = parts.map((part) => part.properties.map(indexOf));
  const gridIspe = fullBox('ispe', 0, u32(width), u32(height));
  const next = properties.length + 1; // the grid's own size, last
  // Flags 1: two-byte property indices (an iPhone's 48 tiles have more than 127 properties).
  const ipma = box(
    'ipma',
    Uint8Array.of(0, 0, 0, 1),
    u32(tiles.length + 1),
    join(u16(1), Uint8Array.of(1), u16(next)),
    ...associations.map((indices, i) => join(u16(i + 2), Uint8Array.of(indices.length), ...indices.map((index) => u16(0x8000 | index)))),
  );
  const infe = (id: number, type: string, hidden: boolean) => box('infe', Uint8Array.of(2, 0, 0, hidden ? 1 : 0), u16(id), u16(0), text(type), text('\0'));
  const gridData = Uint8Array.of(0, 0, rows - 1, columns - 1, ...u16(width), ...u16(height));
  const meta = (offsets: number[]) =>
    fullBox(
      'meta',
      0,
      fullBox('hdlr', 0, u32(0), text('pict'), new Uint8Array(12), text('\0')),
      fullBox('pitm', 0, u16(1)),
      fullBox('iinf', 0, u16(tiles.length + 1), infe(1, 'grid', false), ...parts.map((_, i) => infe(i + 2, 'hvc1', true))),
      fullBox('iref', 0, box('dimg', u16(1), u16(tiles.length), ...parts.map((_, i) => u16(i + 2)))),
      box('iprp', box('ipco', ...properties, gridIspe), ipma),
      box('idat', gridData),
      // Version 1: the grid's description lies in `idat` (construction method 1), the tiles in `mdat`.
      fullBox('iloc', 1, Uint8Array.of(0x44, 0x00), u16(tiles.length + 1), join(u16(1), u16(1), u16(0), u16(1), u32(0), u32(gridData.length)), ...parts.map((part, i) => join(u16(i + 2), u16(0), u16(0), u16(1), u32(offsets[i]!), u32(part.coded.length)))),
    );
  const ftyp = box('ftyp', text('heic'), u32(0), text('mif1heic'));
  const dataStart = ftyp.length + meta(parts.map(() => 0)).length + 8;
  const offsets = parts.map((_, i) => dataStart + parts.slice(0, i).reduce((n, part) => n + part.coded.length, 0));
  return join(ftyp, meta(offsets), box('mdat', ...parts.map((part) => part.coded)));
}

const fullBox = (type: string, version: number, ...parts: Uint8Array[]) => box(type, Uint8Array.from([version, 0, 0, 0]), ...parts);

/** A single-image HEIF's primary image: its coded bytes, and its properties as whole boxes. */
function tilePart(heif: Uint8Array): { coded: Uint8Array; properties: Uint8Array[] } {
  const view = new DataView(heif.buffer, heif.byteOffset, heif.byteLength);
  const meta = topBox(heif, 'meta');
  const primary = view.getUint16(child(heif, meta, 'pitm').body);
  const iprp = child(heif, meta, 'iprp');
  const ipco = child(heif, iprp, 'ipco');
  const ipma = child(heif, iprp, 'ipma');
  const all: Uint8Array[] = [];
  for (let at = ipco.body; at < ipco.end; at += view.getUint32(at)) all.push(heif.slice(at, at + view.getUint32(at)));
  // ipma version 0, one-byte indices (what heif-enc writes): item, count, (essential | index)…
  let properties: Uint8Array[] = [];
  for (let at = ipma.body + 4, entries = view.getUint32(ipma.body); entries > 0; entries--) {
    const count = heif[at + 2]!;
    if (view.getUint16(at) === primary) properties = Array.from(heif.subarray(at + 3, at + 3 + count), (index) => all[(index & 0x7f) - 1]!);
    at += 3 + count;
  }
  // iloc version 0 or 1, the image in one extent at a file offset.
  const iloc = child(heif, meta, 'iloc');
  const version = heif[iloc.start + 8]!;
  const [offsetSize, lengthSize, baseSize, indexSize] = [heif[iloc.body]! >> 4, heif[iloc.body]! & 15, heif[iloc.body + 1]! >> 4, version ? heif[iloc.body + 1]! & 15 : 0];
  const read = (at: number, size: number) => (size === 4 ? view.getUint32(at) : size === 8 ? Number(view.getBigUint64(at)) : 0);
  for (let at = iloc.body + 4, items = view.getUint16(iloc.body + 2); items > 0; items--) {
    const id = view.getUint16(at);
    at += 2 + (version ? 2 : 0) + 2;
    const base = read(at, baseSize);
    const extents = view.getUint16((at += baseSize));
    const offset = base + read(at + 2 + indexSize, offsetSize);
    if (id === primary) return { coded: heif.slice(offset, offset + read(at + 2 + indexSize + offsetSize, lengthSize)), properties };
    at += 2 + extents * (indexSize + offsetSize + lengthSize);
  }
  throw new Error('no primary image in this HEIF');
}
