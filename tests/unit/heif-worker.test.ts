import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HeifAnswer, HeifRequest } from '../../models/heif-worker';
import { heifDecoder } from '../../models/heif-worker';

/** Stands for the decoded bitmap: its width is the photo's byte count. */
const pixelsOf = (bytes: number) => {
  const pixels = { width: bytes, closed: false, close: () => void (pixels.closed = true) };
  return pixels as unknown as ImageBitmap & { closed: boolean };
};

/**
 * A worker that answers each photo as `serveHeif` does: its pixels, then a JPEG of its byte count;
 * or an error for an empty file; or nothing, when told to stay silent.
 */
class FakeWorker extends EventTarget {
  static all: FakeWorker[] = [];
  silent = false;
  terminated = false;
  readonly requests: HeifRequest[] = [];
  constructor(readonly url: string) {
    super();
    FakeWorker.all.push(this);
  }
  postMessage(request: HeifRequest) {
    this.requests.push(request);
    const { id, bytes } = request;
    const answers: HeifAnswer[] = bytes.length
      ? [{ id, pixels: pixelsOf(bytes.length) }, { id, jpeg: new Blob([String(bytes.length)], { type: 'image/jpeg' }) }]
      : [{ id, error: 'no image in this HEIF file' }];
    if (this.silent) return;
    for (const data of answers) queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data })));
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.all = [];
});

describe('the HEIF decoder', () => {
  it('starts its worker with the first photo only, keeps it for the next, and gives each its pixels and its JPEG', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm');
    expect(FakeWorker.all).toHaveLength(0);
    const first = heif.decode(new Uint8Array(3));
    expect((await first.pixels).width).toBe(3);
    expect(await (await first.jpeg).text()).toBe('3');
    const second = heif.decode(new Uint8Array(5));
    expect([(await second.pixels).width, await (await second.jpeg).text()]).toEqual([5, '5']);
    expect(FakeWorker.all).toHaveLength(1);
    expect(FakeWorker.all[0]!.requests.map((r) => r.wasmUrl)).toEqual(['libheif.wasm', 'libheif.wasm']);
  });

  it('fails both parts of a photo libheif cannot decode', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const failed = heifDecoder('heif-worker.js', 'libheif.wasm').decode(new Uint8Array(0));
    await expect(failed.pixels).rejects.toThrow('no image in this HEIF file');
    await expect(failed.jpeg).rejects.toThrow('no image in this HEIF file');
  });

  it('fails what a dead worker held, and starts another for the next photo', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm');
    const held = heif.decode(new Uint8Array(3));
    FakeWorker.all[0]!.silent = true;
    const lost = heif.decode(new Uint8Array(4));
    await held.jpeg;
    FakeWorker.all[0]!.dispatchEvent(new Event('error'));
    await expect(lost.pixels).rejects.toThrow('the HEIF decoder stopped');
    await expect(lost.jpeg).rejects.toThrow('the HEIF decoder stopped');
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    expect(await (await heif.decode(new Uint8Array(6)).jpeg).text()).toBe('6');
    expect(FakeWorker.all).toHaveLength(2);
  });

  it('once closed, has stopped its worker and failed what it held; pixels coming after are closed', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm');
    await heif.decode(new Uint8Array(1)).jpeg;
    const worker = FakeWorker.all[0]!;
    worker.silent = true;
    const held = heif.decode(new Uint8Array(2));
    heif.close();
    await expect(held.pixels).rejects.toThrow('HEIF decoder closed');
    expect(worker.terminated).toBe(true);
    const late = pixelsOf(2);
    worker.dispatchEvent(new MessageEvent('message', { data: { id: worker.requests[1]!.id, pixels: late } }));
    expect(late.closed).toBe(true);
  });
});
