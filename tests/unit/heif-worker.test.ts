import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { LibHeif } from 'libheif-js/libheif-wasm/libheif.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { serveHeif } from '../../models/heif-decoder';
import type { HeifAnswer, HeifRequest } from '../../models/heif-worker';
import { heifDecoder } from '../../models/heif-worker';
import { differing, LIBHEIF_WASM, loadLibheif, wholeDecode } from '../support/libheif';
import { photo } from '../support/sites';
import { rgbProfile } from '../support/icc';
import { plainTiff, rgbTiff } from '../support/tiff';
import { tiffPixels } from '../../models/tiff-pixels';

/** Node has no ImageData: the fields the workers read and fill. It stands for its bitmap too. */
class PlainImageData {
  readonly data: Uint8ClampedArray;
  constructor(dataOrWidth: Uint8ClampedArray | number, readonly width: number, readonly height = 0) {
    if (typeof dataOrWidth === 'number') [this.width, this.height, this.data] = [dataOrWidth, width, new Uint8ClampedArray(dataOrWidth * width * 4)];
    else this.data = dataOrWidth;
  }
  close() {} // as the bitmap it stands for
}

/** A canvas that "encodes" as a JPEG's SOI, then its size and the first bytes of the image it was given (a bitmap here is its image). */
class PlainCanvas {
  private image: PlainImageData | null = null;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  getContext = () => ({ putImageData: (image: PlainImageData) => void (this.image = image), drawImage: (image: PlainImageData) => void (this.image = image) });
  convertToBlob = async () => new Blob([new Uint8Array([0xff, 0xd8]), `${this.width}x${this.height}:${this.image!.data.slice(0, 4).join(',')}`], { type: 'image/jpeg' });
}

/** What PlainCanvas wrote, and the ICC profile put in after its SOI (its APP2 segments joined), if any. */
async function encoded(blob: Blob): Promise<{ text: string; profile: Uint8Array | null }> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let at = 2;
  while (bytes[at] === 0xff && bytes[at + 1] === 0xe2) {
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    chunks.push(bytes.subarray(at + 4 + 14, at + 2 + length));
    at += 2 + length;
  }
  const profile = chunks.length ? new Uint8Array(chunks.flatMap((chunk) => [...chunk])) : null;
  return { text: new TextDecoder().decode(bytes.subarray(at)), profile };
}

/** A worker running the extension's own `serveHeif`, messages passed on as they are. */
class FakeWorker extends EventTarget {
  static all: FakeWorker[] = [];
  terminated = false;
  silent = false;
  readonly requests: HeifRequest[] = [];
  private inbox: ((event: MessageEvent<HeifRequest>) => void) | null = null;
  constructor(readonly url: string) {
    super();
    FakeWorker.all.push(this);
    serveHeif({
      postMessage: (data: HeifAnswer) => queueMicrotask(() => !this.terminated && this.dispatchEvent(new MessageEvent('message', { data }))),
      addEventListener: (_type, listener) => void (this.inbox = listener),
    });
  }
  postMessage(request: HeifRequest) {
    this.requests.push(request);
    if (!this.silent) queueMicrotask(() => this.inbox?.(new MessageEvent('message', { data: request })));
  }
  terminate() {
    this.terminated = true;
  }
}

let lib: LibHeif;
beforeAll(async () => {
  lib = await loadLibheif();
});
beforeEach(() => {
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('ImageData', PlainImageData);
  vi.stubGlobal('OffscreenCanvas', PlainCanvas);
  vi.stubGlobal('createImageBitmap', async (image: PlainImageData) => image); // the pixels stand for their bitmap
  vi.stubGlobal('fetch', async () => new Response(readFileSync(LIBHEIF_WASM)));
});
afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.all = [];
});

const heic = (name: string) => new Uint8Array(readFileSync(photo(name)));
const pixelsOf = async (decoded: { pixels: Promise<ImageBitmap> }) => (await decoded.pixels) as unknown as PlainImageData;

describe('the HEIF decoder', () => {
  it("shares an iPhone's grid of tiles between its workers, the first putting their bands together: libheif's whole image, its thumbnail, and its JPEG when asked", async () => {
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm', 2);
    expect(FakeWorker.all).toHaveLength(0);
    const grid = heic('sample4-grid.heic');
    const decoded = heif.decode(grid);
    const pixels = await pixelsOf(decoded);
    expect([pixels.width, pixels.height]).toEqual([1920, 1448]);
    expect(differing(pixels.data, (await wholeDecode(lib, grid)).data)).toBe(0);
    // Its colour profile (sRGB here; an iPhone's Display P3), read by the first part, goes with what is drawn from it.
    const thumbnail = await encoded(await decoded.thumbnail);
    expect(thumbnail.text).toMatch(/^1280x965:/);
    expect(thumbnail.profile).toEqual(new Uint8Array(execFileSync('exiftool', ['-b', '-ICC_Profile', photo('sample4-grid.heic')])));
    // Not encoded until asked for: it would take the cores from the analysis.
    expect(FakeWorker.all.map((worker) => worker.requests.map((r) => r.type))).toEqual([['decode', 'band'], ['decode']]);
    const jpeg = await encoded(await decoded.jpeg());
    expect(jpeg.text).toMatch(/^1920x1448:/);
    expect(jpeg.profile).toEqual(thumbnail.profile);
    expect(FakeWorker.all.map((worker) => worker.requests.map((r) => r.type))).toEqual([['decode', 'band', 'encode'], ['decode']]);
    expect(FakeWorker.all.map((worker) => worker.requests[0]!.type === 'decode' && worker.requests[0]!.part)).toEqual([0, 1]);
  });

  it('decodes a TIFF in the first worker alone, its RGB colour profile with it (not a grey or CMYK one)', async () => {
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm', 2);
    const image = tiffPixels(plainTiff(40, 30));
    const tagged = (profile: Uint8Array) => heif.decode(rgbTiff(image, [[34675, 7, [...profile]]]), 'tiff');
    const rgb = rgbProfile('Scanner RGB');
    const decoded = tagged(rgb);
    expect((await pixelsOf(decoded)).data).toEqual(image.data);
    expect(await encoded(await decoded.thumbnail)).toEqual({ text: '40x30:0,0,128,255', profile: rgb });
    expect((await encoded(await decoded.jpeg())).profile).toEqual(rgb);
    expect((await encoded(await tagged(rgbProfile('Scanner grey', undefined, 'GRAY')).thumbnail)).profile).toBeNull();
    expect(FakeWorker.all.map((worker) => worker.requests.map((r) => r.type))).toEqual([['decode-tiff', 'encode', 'decode-tiff'], []]);
  });

  it('leaves a photo stored as one image to the first worker, and keeps its workers for the next photo', async () => {
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm', 2);
    await heif.decode(heic('sample4-grid.heic')).jpeg();
    const single = heic('sample2.heic');
    const pixels = await pixelsOf(heif.decode(single));
    expect(differing(pixels.data, (await wholeDecode(lib, single)).data)).toBe(0);
    expect(FakeWorker.all).toHaveLength(2);
  });

  it('fails the pixels, the thumbnail and the JPEG of a file libheif cannot read, and decodes the next photo', async () => {
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm', 2);
    const failed = heif.decode(heic('sample4-grid.heic').subarray(0, 300));
    await expect(failed.pixels).rejects.toThrow(/libheif could not/);
    await expect(failed.thumbnail).rejects.toThrow(/libheif could not/);
    await expect(failed.jpeg()).rejects.toThrow(/libheif could not/);
    expect((await pixelsOf(heif.decode(heic('sample4-grid.heic')))).height).toBe(1448);
  });

  it('fails what a dead worker held, and starts others for the next photo', async () => {
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm', 2);
    await heif.decode(heic('sample2.heic')).jpeg();
    FakeWorker.all[1]!.silent = true;
    const lost = heif.decode(heic('sample4-grid.heic'));
    FakeWorker.all[1]!.dispatchEvent(new Event('error'));
    await expect(lost.pixels).rejects.toThrow('the HEIF decoder stopped');
    await expect(lost.jpeg()).rejects.toThrow('the HEIF decoder stopped');
    expect(FakeWorker.all.map((worker) => worker.terminated)).toEqual([true, true]);
    expect((await pixelsOf(heif.decode(heic('sample2.heic')))).width).toBeGreaterThan(0);
    expect(FakeWorker.all).toHaveLength(4);
  });

  it('lets a photo whose JPEG is not wanted go: its first worker no longer holds it, and no JPEG is encoded', async () => {
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm', 2);
    const unwanted = heif.decode(heic('sample2.heic'));
    await unwanted.thumbnail;
    unwanted.drop();
    await expect(unwanted.jpeg()).rejects.toThrow('dropped');
    const told = FakeWorker.all[0]!.requests.map((r) => r.type);
    expect(told.at(-1)).toBe('drop');
    expect(told).not.toContain('encode');
    // The worker itself has let it go: asked to encode it anyway, it has no such photo.
    const answers: HeifAnswer[] = [];
    FakeWorker.all[0]!.addEventListener('message', (event) => answers.push((event as MessageEvent<HeifAnswer>).data));
    FakeWorker.all[0]!.postMessage({ type: 'encode', id: 0 });
    await vi.waitFor(() => expect(answers).toEqual([{ id: 0, error: 'no such photo to encode' }]));
  });

  it('once closed, has stopped its workers and failed what they held', async () => {
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm', 2);
    await heif.decode(heic('sample2.heic')).jpeg();
    for (const worker of FakeWorker.all) worker.silent = true;
    const held = heif.decode(heic('sample2.heic'));
    heif.close();
    await expect(held.pixels).rejects.toThrow('HEIF decoder closed');
    expect(FakeWorker.all.every((worker) => worker.terminated)).toBe(true);
  });
});
