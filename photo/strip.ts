import { ascii, concat } from './bytes';
import { type Container, readContainer, type Segment, type SegmentKind } from './segments';
import { blankTiff } from './tiff';

/**
 * What lossless stripping removes: everything a viewer does not need to show the photo as it was.
 * The colour profile stays: without it colours shift.
 */
const REMOVED: ReadonlySet<SegmentKind> = new Set(['exif', 'xmp', 'iptc', 'comment', 'text', 'time', 'credentials', 'video', 'notes', 'private']);

/**
 * What goes when only a motion photo's video is to go: the video, and the XMP that describes it
 * (where it starts, how long it is), which would otherwise point at nothing. EXIF stays.
 */
export const MOTION_VIDEO: ReadonlySet<SegmentKind> = new Set(['video', 'xmp']);

const kept = (segments: Segment[], removed: ReadonlySet<SegmentKind>) => segments.filter((s) => !removed.has(s.kind));
const slices = (bytes: Uint8Array, segments: Segment[]) => segments.map((s) => bytes.subarray(s.start, s.end));

/** An APP1 Exif segment holding nothing but the orientation, so the photo still shows upright. */
export function orientationOnlyExif(orientation: number): Uint8Array {
  return Uint8Array.from([
    0xff, 0xe1, 0x00, 0x22, // APP1, length 34
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation SHORT
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
}

/**
 * JPEG: every segment before the scan except metadata; the scan itself copied to its EOI, or to
 * the end of a file cut short (its metadata lies before the scan: it goes all the same, and the
 * image stays as whole as it was).
 */
function stripJpeg(bytes: Uint8Array, { segments, scanStart, imageEnd }: Container, orientation: number, removed: ReadonlySet<SegmentKind>): Uint8Array<ArrayBuffer> {
  const keep = kept(segments, removed);
  const parts = slices(bytes, keep);
  // JFIF's APP0 must stay first; the orientation goes right after it.
  const afterJfif = keep[0] && bytes[keep[0].start + 1] === 0xe0 ? 1 : 0;
  if (removed.has('exif') && orientation > 1 && orientation <= 8) parts.splice(afterJfif, 0, orientationOnlyExif(orientation));
  return concat([
    bytes.subarray(0, 2),
    ...parts,
    // Anything after EOI (a second "multi-picture" image, a motion photo's video) goes too: it can hold metadata.
    bytes.subarray(scanStart, imageEnd ?? bytes.length),
  ]);
}

function stripPng(bytes: Uint8Array, { segments }: Container, removed: ReadonlySet<SegmentKind>): Uint8Array<ArrayBuffer> {
  return concat([bytes.subarray(0, 8), ...slices(bytes, kept(segments, removed))]);
}

const VP8X_EXIF_AND_XMP = 0x08 | 0x04;

function stripWebp(bytes: Uint8Array, { segments }: Container, removed: ReadonlySet<SegmentKind>): Uint8Array<ArrayBuffer> {
  const chunks = slices(bytes, kept(segments, removed)).map((chunk) => {
    if (ascii(chunk, 0, 4) !== 'VP8X') return chunk;
    const copy = chunk.slice();
    copy[8] = copy[8]! & ~VP8X_EXIF_AND_XMP; // the header must not announce chunks that are gone
    return copy;
  });
  const out = concat([bytes.subarray(0, 12), ...chunks]);
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}

/** An Exif item's header and a TIFF block with no entries: a valid Exif item that says nothing. */
const EMPTY_EXIF_ITEM = Uint8Array.from([0, 0, 0, 0, 0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0]);
const EMPTY_XMP = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"/>';
const XMP_END = '<?xpacket end="w"?>';

/**
 * HEIF: the metadata items are emptied where they lie, keeping their length, so that no offset in
 * the file changes and the image items stay byte for byte; the Exif item keeps a valid, empty
 * TIFF block and the XMP item an empty packet padded with spaces, as XMP allows. A box of its own
 * (a motion photo's video, Content Credentials) is cut off when it ends the file, or else becomes
 * empty `free` space.
 */
function blankHeif(bytes: Uint8Array, { segments }: Container, removed: ReadonlySet<SegmentKind>): Uint8Array<ArrayBuffer> {
  const last = segments.find((s) => s.box && s.end === bytes.length && removed.has(s.kind));
  const out = bytes.slice(0, last?.start);
  for (const { kind, start, end, box } of segments.filter((s) => removed.has(s.kind) && s !== last)) {
    if (box) {
      // The box keeps its size (32- or 64-bit); its type becomes `free` and its content zeros.
      out.fill(0, start + box.header, end);
      out.set(new TextEncoder().encode('free'), start + 4);
      continue;
    }
    const length = end - start;
    out.fill(kind === 'xmp' ? 0x20 : 0, start, end);
    if (kind === 'exif' && length >= EMPTY_EXIF_ITEM.length) out.set(EMPTY_EXIF_ITEM, start);
    if (kind === 'xmp' && length >= EMPTY_XMP.length + XMP_END.length) {
      out.set(new TextEncoder().encode(EMPTY_XMP), start);
      out.set(new TextEncoder().encode(XMP_END), end - XMP_END.length);
    }
  }
  return out;
}

/**
 * Removes metadata without re-encoding: the compressed image data is copied byte for byte, so the
 * decoded pixels are identical. `orientation` (EXIF 1–8) is written back alone for a JPEG whose
 * EXIF goes. `removed`: what goes, all metadata unless told (see `MOTION_VIDEO`).
 * Throws on a file it cannot parse; the caller then passes the original on untouched.
 */
export function stripMetadata(bytes: Uint8Array, orientation = 1, removed = REMOVED): Uint8Array<ArrayBuffer> {
  const container = readContainer(bytes);
  if (container.format === 'jpeg') return stripJpeg(bytes, container, orientation, removed);
  if (container.format === 'png') return stripPng(bytes, container, removed);
  if (container.format === 'heif') return blankHeif(bytes, container, removed);
  if (container.format === 'tiff') return removed.has('exif') ? blankTiff(bytes) : bytes.slice();
  if (container.format === 'bmp') return bytes.slice(); // nothing to remove
  // GIF: its first segment is the header and palette; frames and extensions follow as they were.
  if (container.format === 'gif') return concat(slices(bytes, kept(container.segments, removed)));
  return stripWebp(bytes, container, removed);
}
