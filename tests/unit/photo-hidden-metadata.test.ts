import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../photo/metadata';
import { readContainer } from '../../photo/segments';
import { stripMetadata } from '../../photo/strip';
import { exiftoolTagsOf } from '../support/exiftool';
import { join } from '../support/heif';
import { jpegSegment, withMpfImage, withSecondExif, withSegments, xmpSegment } from '../support/jpeg';

/**
 * Metadata where a quick look misses it: in a second EXIF block, and in images stored after a
 * JPEG's own (a camera's multi-picture preview, a phone's HDR gain map), which carry metadata of
 * their own, read by exiftool with `-ee`, and reach the site with the photo unless it is stripped.
 */
const photo = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/photos/${name}`));
const PLAIN = photo('no-face-landscape.jpg');
const CAMERA = photo('sample1.jpg');
const findings = async (bytes: Uint8Array) => (await readMetadata(bytes)).findings;
/** exiftool's tags of the embedded documents (`Doc1`, `Doc2`…) that say where or with what. */
const embedded = (bytes: Uint8Array) => Object.keys(exiftoolTagsOf(bytes, '-ee', '-G3:1')).filter((key) => /^Doc\d+:(GPS|IFD0)/.test(key));

describe('a second EXIF block', () => {
  it("is read after the first, as exiftool reads both: the camera's location behind an orientation-only block", async () => {
    const twoBlocks = withSecondExif(PLAIN, CAMERA);
    expect(exiftoolTagsOf(twoBlocks, '-n')).toMatchObject({ 'IFD0:Orientation': 6, 'GPS:GPSLatitudeRef': 'N' });
    const { findings: found, orientation } = await readMetadata(twoBlocks);
    expect(found).toEqual(await findings(CAMERA));
    expect(orientation).toBe(6);
    expect(await findings(stripMetadata(twoBlocks))).toEqual([]);
  });
});

describe('images appended after the photo', () => {
  it("lists what a multi-picture preview's own EXIF says, the photo itself saying nothing, as exiftool -ee reads it", async () => {
    const mpf = withMpfImage(PLAIN, CAMERA);
    expect(embedded(mpf)).toEqual(expect.arrayContaining(['Doc2:GPS:GPSLatitude', 'Doc2:IFD0:Make']));
    expect(await findings(mpf)).toEqual(await findings(CAMERA));
  });

  it('adds to what the photo says, which comes first', async () => {
    // Another camera's photo, with a comment the photo lacks: its place, time and camera are not the photo's.
    const other = withSegments(photo('sample2.jpg'), 2, jpegSegment(0xfe, new TextEncoder().encode('Lily at Bluebell nursery')));
    expect(await findings(join(CAMERA, other))).toEqual([...(await findings(CAMERA)), { kind: 'comment', value: 'Lily at Bluebell nursery' }]);
  });

  it('goes when the photo is stripped: exiftool -ee finds nothing, the scan is the photo\'s own', async () => {
    const stripped = stripMetadata(withMpfImage(PLAIN, CAMERA));
    expect(embedded(stripped)).toEqual([]);
    expect(await findings(stripped)).toEqual([]);
    const { scanStart } = readContainer(PLAIN);
    expect(Buffer.from(stripped).subarray(readContainer(stripped).scanStart)).toEqual(Buffer.from(PLAIN.subarray(scanStart)));
  });

  it("leaves out a gain map's XMP, which describes only the gain map", async () => {
    const gainMap = withSegments(PLAIN, 2, xmpSegment('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" hdrgm:Version="1.0" hdrgm:GainMapMax="2.3"/></rdf:RDF></x:xmpmeta>'));
    expect(await findings(withMpfImage(PLAIN, gainMap))).toEqual([]);
  });

  it('skips bytes after the photo that only look like an image starting', async () => {
    const junk = Uint8Array.of(0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, 0x45, 0x78, 0x69, 0x66, 0xff, 0xd8, 0xff);
    expect(await findings(join(PLAIN, junk, CAMERA))).toEqual(await findings(CAMERA));
  });
});
