import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { readMetadata } from '../../photo/metadata';
import { readContainer } from '../../photo/segments';
import { readXmp } from '../../photo/xmp';
import { beforeIend, chunk } from '../support/apng';
import { jpegSegment, OWN_PREFIXES_XMP, withSegments, xmpSegment } from '../support/jpeg';
import { exiftoolTagsOf } from '../support/exiftool';

/**
 * What XMP, IPTC and comments say, in plain words: files written by exiftool (as catalogue and
 * editing programs write them) and by hand in Adobe's attribute style.
 */
const dir = mkdtempSync(join(tmpdir(), 'photo-guard-details-'));
let copies = 0;
/** A photo without metadata, given the tags by exiftool. */
function written(fixture: string, ...tags: string[]): Uint8Array {
  const file = join(dir, `${copies++}-${fixture}`);
  copyFileSync(join('tests/fixtures/photos', fixture), file);
  execFileSync('exiftool', ['-q', '-overwrite_original', ...tags, file]);
  return new Uint8Array(readFileSync(file));
}
const findings = async (bytes: Uint8Array) => (await readMetadata(bytes)).findings;
const text = (s: string) => new TextEncoder().encode(s);
const PLAIN = new Uint8Array(readFileSync('tests/fixtures/photos/no-face-landscape.jpg'));

describe('XMP', () => {
  it('says where, when, with what and by whom, and who is in the photo, from XMP alone', async () => {
    const photo = written('no-face-landscape.jpg',
      '-XMP-exif:GPSLatitude=48.85837 N', '-XMP-exif:GPSLongitude=2.29448 W', '-XMP-exif:DateTimeOriginal=2024:09:02 08:31:07+02:00',
      '-XMP-tiff:Make=Apple', '-XMP-tiff:Model=iPhone 15', '-XMP-aux:SerialNumber=F2LXK0', '-XMP-dc:Creator=Jane Parent',
      '-XMP-xmp:CreatorTool=Lightroom', '-XMP-iptcExt:PersonInImage=Emma Parent', '-XMP-photoshop:City=Lyon',
      '-XMP-photoshop:Country=France', '-XMP-dc:Title=First day at school', '-XMP-dc:Subject=school', '-XMP-dc:Subject=Emma',
      '-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=640,H=480,Unit=pixel},RegionList=[{Area={X=0.5,Y=0.5,W=0.1,H=0.1,Unit=normalized},Name=Léo & Emma,Type=Face}]}');
    const tags = exiftoolTagsOf(photo, '-n');
    expect(tags['XMP-exif:GPSLongitude']).toBeCloseTo(-2.29448, 5);
    expect(Object.keys(tags).filter((k) => /^(EXIF|IFD|GPS|IPTC)/.test(k))).toEqual([]);
    expect(await findings(photo)).toEqual([
      { kind: 'gps', value: '48.85837° N, 2.29448° W' },
      { kind: 'datetime', value: '2024-09-02 08:31:07' },
      { kind: 'camera', value: 'Apple iPhone 15' },
      { kind: 'serial', value: 'F2LXK0' },
      { kind: 'owner', value: 'Jane Parent' },
      { kind: 'software', value: 'Lightroom' },
      { kind: 'xmp', value: 'Léo & Emma · Emma Parent · Lyon · France · First day at school · school · Emma' },
    ]);
  });

  it('reads properties written as attributes, as Adobe\'s toolkit writes them', async () => {
    const packet = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" photoshop:City="Saint-Malo" photoshop:DateCreated="2023-07-14" exif:GPSLatitude="48,38.9N"
        exif:GPSLongitude="2,1.5W"><mwg-rs:Regions><mwg-rs:RegionList><rdf:Bag><rdf:li>
        <rdf:Description mwg-rs:Name="Jules" mwg-rs:Type="Face"/></rdf:li></rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Jules &#233;t&#xE9; 2023</rdf:li></rdf:Alt></dc:description>
      </rdf:Description></rdf:RDF></x:xmpmeta>`;
    expect(await findings(withSegments(PLAIN, 2, xmpSegment(packet)))).toEqual([
      { kind: 'gps', value: '48.64833° N, 2.02500° W' },
      { kind: 'datetime', value: '2023-07-14' },
      { kind: 'xmp', value: 'Jules · Saint-Malo' },
      { kind: 'comment', value: 'Jules été 2023' },
    ]);
  });

  it('reads properties under the prefixes a packet binds to their namespaces, as exiftool does', async () => {
    const photo = withSegments(PLAIN, 2, xmpSegment(OWN_PREFIXES_XMP));
    expect(exiftoolTagsOf(photo)).toMatchObject({
      'XMP-xmp:CreatorTool': 'Adobe Photoshop 7.0', 'XMP-exif:GPSLatitude': `45 deg 45' 36.00" N`,
      'XMP-photoshop:City': 'Lyon', 'XMP-dc:Subject': 'Emma',
    });
    expect(await findings(photo)).toEqual([
      { kind: 'gps', value: '45.76000° N, 4.84000° E' },
      { kind: 'datetime', value: '2003-05-10 14:02:11' },
      { kind: 'software', value: 'Adobe Photoshop 7.0' },
      { kind: 'xmp', value: 'Lyon · Emma' },
    ]);
  });

  it('reads a damaged or hostile packet in one pass: tags never closed, quotes never ended', () => {
    const hostile = [
      '<photoshop:City>Lyon</photoshop:City>',
      '<photoshop:City>'.repeat(60000),
      '<dc:creator '.repeat(60000),
      '<dc:subject><rdf:Bag>', '<rdf:li '.repeat(60000), '</rdf:Bag></dc:subject>',
      Array.from({ length: 60000 }, (_, i) => ` xmlns:p${i}="http://ns.adobe.com/photoshop/1.0/"`).join(''),
    ].join('');
    // Read from each start to the end, this took about a minute (60 000 starts); in one pass, milliseconds.
    const { tags, named } = readXmp(hostile);
    expect(named).toEqual(['Lyon']);
    expect(tags.strings).toEqual({});
  });

  it('leaves what EXIF says first, and lists XMP that names nothing as present', async () => {
    const photo = written('sample1.jpg', '-XMP-exif:GPSLatitude=1 N', '-XMP-exif:GPSLongitude=1 E', '-XMP-xmpMM:DocumentID=xmp.did:1234');
    const found = await findings(photo);
    expect(found.find((f) => f.kind === 'gps')!.value).toMatch(/^37\.3\d+° N, 12\d\.\d+° W$/);
    expect(found.find((f) => f.kind === 'xmp')).toEqual({ kind: 'xmp', value: '' });
  });
});

describe('IPTC', () => {
  it('says who took it, when, where and what it shows, in UTF-8 or Latin-1', async () => {
    const tags = ['-IPTC:By-line=Zoé Parent', '-IPTC:City=Lyon', '-IPTC:Country-PrimaryLocationName=France', '-IPTC:Caption-Abstract=Zoé à la crèche',
      '-IPTC:DateCreated=2024:09:02', '-IPTC:TimeCreated=08:31:07+02:00', '-IPTC:Keywords=crèche', '-IPTC:Keywords=Zoé'];
    for (const charset of [['-IPTC:CodedCharacterSet=UTF8'], ['-charset', 'iptc=Latin']]) {
      const photo = written('no-face-landscape.jpg', ...charset, ...tags);
      expect(exiftoolTagsOf(photo)['IPTC:By-line'], charset.join(' ')).toBe('Zoé Parent');
      expect(Buffer.from(photo).includes(Buffer.from('Zoé', 'latin1')), 'stored in Latin-1').toBe(charset.includes('iptc=Latin'));
      expect(await findings(photo), charset.join(' ')).toEqual([
        { kind: 'datetime', value: '2024-09-02 08:31:07' },
        { kind: 'owner', value: 'Zoé Parent' },
        { kind: 'iptc', value: 'Lyon · France · crèche · Zoé' },
        { kind: 'comment', value: 'Zoé à la crèche' },
      ]);
    }
  });

  it('lists a damaged block as present, without failing the photo', async () => {
    const damaged = jpegSegment(0xed, text('Photoshop 3.0\0' + '8BIX\x04\x04'));
    expect(await findings(withSegments(PLAIN, 2, damaged))).toEqual([{ kind: 'iptc', value: '' }]);
  });
});

describe('comments and text notes', () => {
  it('shows what a JPEG comment says, on one line, cut when long', async () => {
    expect(await findings(written('no-face-landscape.jpg', '-Comment=Lily, 4,\nat Bluebell nursery'))).toEqual([
      { kind: 'comment', value: 'Lily, 4, at Bluebell nursery' },
    ]);
    const [long] = await findings(written('no-face-landscape.jpg', `-Comment=${'Lily '.repeat(100)}`));
    expect(long!.value).toHaveLength(160);
    expect(long!.value).toMatch(/^Lily Lily .*…$/);
  });

  it('shows a PNG\'s text notes with their keywords, and reads its standard ones as EXIF tags', async () => {
    const png = written('no-face-pattern.png', '-PNG:Comment=Lily at the beach', '-PNG:Author=Jane Parent');
    expect(exiftoolTagsOf(png)['PNG:Author']).toBe('Jane Parent');
    const found = await findings(png);
    expect(found.filter((f) => f.kind !== 'datetime')).toEqual([
      { kind: 'owner', value: 'Jane Parent' },
      { kind: 'comment', value: 'Lily at the beach' },
      // ImageMagick's own notes, which the fixture came with, then exiftool's.
      { kind: 'text', value: expect.stringMatching(/^date:create: 2026-\S+ · date:modify: \S+ · Author: Jane Parent · Comment: Lily at the beach$/) },
    ]);
  });

  it('reads the EXIF ImageMagick keeps in a compressed "Raw profile type exif" note, as exiftool does', async () => {
    const jpeg = new Uint8Array(readFileSync('tests/fixtures/photos/sample1.jpg'));
    const exif = readContainer(jpeg).segments.find((s) => s.kind === 'exif')!;
    const block = Buffer.from(jpeg.subarray(exif.start + 4, exif.end)); // "Exif\0\0" and the TIFF block, as ImageMagick keeps them
    const hex = block.toString('hex').replace(/.{1,72}/g, '$&\n');
    const profile = `\nexif\n${String(block.length).padStart(8)}\n${hex}`;
    const zTXt = (keyword: string, text: Buffer) => chunk('zTXt', [...Buffer.from(`${keyword}\0\0`, 'latin1'), ...text]);
    const iTXt = (keyword: string, text: string) => chunk('iTXt', [...Buffer.from(`${keyword}\0\x01\0\0\0`), ...deflateSync(text)]);
    const png = beforeIend(written('no-face-pattern.png', '-all='), // its own notes removed
      zTXt('Raw profile type exif', deflateSync(profile)), iTXt('Comment', 'Lily at the beach'), zTXt('Title', Buffer.from('not zlib data')));
    const tags = exiftoolTagsOf(png, '-n');
    expect(tags['GPS:GPSLatitude']).toBeCloseTo(37.3196, 3);
    const found = await findings(png);
    expect(found.find((f) => f.kind === 'gps')!.value).toBe('37.31964° N, 121.94650° W');
    expect(found.find((f) => f.kind === 'camera')!.value).toBe('SONY ILCE-7M2');
    expect(found.find((f) => f.kind === 'comment')!.value).toBe('Lily at the beach');
    // A note that cannot be inflated still shows its keyword.
    expect(found.find((f) => f.kind === 'text')!.value).toBe('Raw profile type exif · Comment: Lily at the beach · Title');
  });
});

