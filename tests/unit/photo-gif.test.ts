import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../photo/metadata';
import { stripMetadata } from '../../photo/strip';
import { exiftoolTags } from '../support/exiftool';
import { gifWith } from '../support/gif';
import { JANE_XMP } from '../support/heif';

const dir = mkdtempSync(join(tmpdir(), 'photo-guard-gif-'));
const exiftool = (bytes: Uint8Array, ...args: string[]) => {
  const file = join(dir, `${Math.random()}.gif`);
  writeFileSync(file, bytes);
  return exiftoolTags(file, ...args);
};

const still = { width: 40, height: 30, frames: [200] };
const tagged = { ...still, comment: 'Lily, 4, at Bluebell nursery', xmp: JANE_XMP };

describe('GIF', () => {
  it('says it carries a comment and XMP, as exiftool reads them', async () => {
    const gif = gifWith(tagged);
    const tags = exiftool(gif);
    expect(tags['File:Comment']).toBe('Lily, 4, at Bluebell nursery');
    expect(tags['XMP-dc:Creator']).toBe('Jane Parent');
    const metadata = await readMetadata(gif);
    // Read as exiftool reads them, and shown as they are: a name, an age, a nursery.
    expect(metadata.findings).toEqual([
      { kind: 'owner', value: 'Jane Parent' },
      { kind: 'xmp', value: '' },
      { kind: 'comment', value: 'Lily, 4, at Bluebell nursery' },
    ]);
    expect(metadata.animated).toBe(false);
  });

  it('drops them without touching the frames: the same file as one made without them', async () => {
    // ImageMagick's own application extension, with Photoshop/IPTC data, after the global palette.
    const gif = gifWith({ ...tagged, frames: [10, 200] });
    const afterPalette = 13 + 3 * 256;
    const imageMagick = [0x21, 0xff, 11, ...new TextEncoder().encode('MGK8BIM0000'), 5, ...new TextEncoder().encode('IPTC!'), 0];
    const stripped = stripMetadata(new Uint8Array([...gif.subarray(0, afterPalette), ...imageMagick, ...gif.subarray(afterPalette)]));
    expect(stripped).toEqual(gifWith({ ...still, frames: [10, 200] }));
    const tags = exiftool(stripped, '-all', '-validate', '-warning');
    expect(Object.keys(tags).filter((key) => /Comment|^XMP/.test(key))).toEqual([]);
    expect(tags['GIF:FrameCount']).toBe(2);
    expect(tags['ExifTool:Validate']).toBe('OK');
    expect((await readMetadata(stripped)).findings).toEqual([]);
  });

  it('knows an animation, whose frames after the first no browser decodes for the detector', async () => {
    expect(await readMetadata(gifWith({ ...still, frames: [10, 200, 90] }))).toMatchObject({ animated: true, frames: 3 });
  });

  it('refuses a truncated file rather than guessing where its frames end', async () => {
    const gif = gifWith(tagged);
    await expect(readMetadata(gif.subarray(0, gif.length - 20))).rejects.toThrow(/GIF/);
  });
});

describe('other animations', () => {
  it('an APNG (a PNG with an animation control chunk) and an animated WebP are animated', async () => {
    const png = new Uint8Array(readFileSync('tests/fixtures/photos/no-face-pattern.png'));
    const ihdrEnd = 8 + 25;
    const acTL = Uint8Array.from([0, 0, 0, 8, ...new TextEncoder().encode('acTL'), 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
    const apng = new Uint8Array([...png.subarray(0, ihdrEnd), ...acTL, ...png.subarray(ihdrEnd)]);
    expect((await readMetadata(png)).animated).toBe(false);
    expect((await readMetadata(apng)).animated).toBe(true);

    const chunk = (type: string, size: number) => [...new TextEncoder().encode(type), size, 0, 0, 0, ...new Array<number>(size).fill(0)];
    const body = [...new TextEncoder().encode('WEBP'), ...chunk('VP8X', 10), ...chunk('ANIM', 6)];
    const webp = Uint8Array.from([...new TextEncoder().encode('RIFF'), body.length, 0, 0, 0, ...body]);
    expect((await readMetadata(webp)).animated).toBe(true);
    expect((await readMetadata(new Uint8Array(readFileSync('tests/fixtures/photos/no-face-small.webp')))).animated).toBe(false);
  });
});
