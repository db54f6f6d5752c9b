import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HeifAnswer, HeifRequest } from '../../models/heif-worker';
import { heifDecoder } from '../../models/heif-worker';

/** A worker that answers each photo with a JPEG of its byte count, unless told to stay silent. */
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
    const answer: HeifAnswer = { id: request.id, jpeg: new Blob([String(request.bytes.length)], { type: 'image/jpeg' }) };
    if (!this.silent) queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: answer })));
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
  it('starts its worker with the first photo only, and keeps it for the next', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm');
    expect(FakeWorker.all).toHaveLength(0);
    expect(await (await heif.asJpeg(new Uint8Array(3))).text()).toBe('3');
    expect(await (await heif.asJpeg(new Uint8Array(5))).text()).toBe('5');
    expect(FakeWorker.all).toHaveLength(1);
    expect(FakeWorker.all[0]!.requests.map((r) => r.wasmUrl)).toEqual(['libheif.wasm', 'libheif.wasm']);
  });

  it('fails what a dead worker held, and starts another for the next photo', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm');
    const held = heif.asJpeg(new Uint8Array(3));
    FakeWorker.all[0]!.silent = true;
    const lost = heif.asJpeg(new Uint8Array(4));
    await held;
    FakeWorker.all[0]!.dispatchEvent(new Event('error'));
    await expect(lost).rejects.toThrow('the HEIF decoder stopped');
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    expect(await (await heif.asJpeg(new Uint8Array(6))).text()).toBe('6');
    expect(FakeWorker.all).toHaveLength(2);
  });

  it('once closed, has stopped its worker and failed what it held', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const heif = heifDecoder('heif-worker.js', 'libheif.wasm');
    await heif.asJpeg(new Uint8Array(1));
    FakeWorker.all[0]!.silent = true;
    const held = heif.asJpeg(new Uint8Array(2));
    heif.close();
    await expect(held).rejects.toThrow('HEIF decoder closed');
    expect(FakeWorker.all[0]!.terminated).toBe(true);
  });
});
