import { beforeIend, chunk } from './apng';
import { box, text } from './heif';
import { jpegSegment, withSegments } from './jpeg';

const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g)!, (byte) => parseInt(byte, 16));
/** A JUMBF description box: its content type (a UUID), "requestable, labelled", and its label. */
const description = (typeHex: string, label: string) => box('jumd', fromHex(typeHex), Uint8Array.of(3), text(`${label}\0`));

/**
 * A C2PA manifest store as a camera writes one, reduced to what matters here: a JUMBF superbox
 * labelled "c2pa" holding an EXIF assertion with the place the photo was taken, which exiftool
 * reads as JSON tags.
 */
export const MANIFEST_STORE = box(
  'jumb',
  description('6332706100110010800000aa00389b71', 'c2pa'),
  box('jumb', description('6a736f6e00110010800000aa00389b71', 'stds.exif'), box('json', text('{"exif:GPSLatitude":"48,51.5N","exif:GPSLongitude":"2,17.6E"}'))),
);

/** The store in a JPEG: an APP11 segment ("JP", box instance 1, sequence 1) right after SOI. */
export const jpegWithCredentials = (jpeg: Uint8Array): Uint8Array =>
  withSegments(jpeg, 2, jpegSegment(0xeb, text('JP'), Uint8Array.of(0, 1, 0, 0, 0, 1), MANIFEST_STORE));

/** The store in a PNG: a `caBX` chunk before IEND. */
export const pngWithCredentials = (png: Uint8Array): Uint8Array => beforeIend(png, chunk('caBX', MANIFEST_STORE));

/** The store in a HEIF file: a top-level `uuid` box of C2PA's user type. */
export const heifCredentials = () => box('uuid', fromHex('d8fec3d61b0e483c92975828877ec481'), MANIFEST_STORE);
