import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnalysisResult } from '../../messaging/protocol';
import { checkPhoto } from '../../content-scripts/photo-check';
import { FaceMemory } from '../../content-scripts/face-memory';
import type { Rect } from '../../models/boxes';
import type { DetectorPort } from '../../content-scripts/detector-port';
import { heifWith, JANE_XMP } from '../support/heif';
import { withStalledDecoder } from '../support/stalled-decoder';

// Chromium has Uint8Array's base64 methods, which photos travel to and from the extension with; Node 20 has not.
const proto = Uint8Array.prototype as { toBase64?: (this: Uint8Array) => string };
const statics = Uint8Array as { fromBase64?: (base64: string) => Uint8Array };
const hadBase64 = !!proto.toBase64;
beforeAll(() => {
  proto.toBase64 ??= function () {
    return Buffer.from(this).toString('base64');
  };
  statics.fromBase64 ??= (base64) => new Uint8Array(Buffer.from(base64, 'base64'));
});
afterAll(() => {
  if (hadBase64) return;
  delete proto.toBase64;
  delete statics.fromBase64;
});

const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'child.jpg', { type: 'image/jpeg' });
const answered: AnalysisResult = { ok: true, analysis: { width: 40, height: 30, faces: [{ x: 1, y: 2, width: 10, height: 10, score: 0.9 }] }, ms: 5 };
const port = (analyse: DetectorPort['analyse'], standIn: DetectorPort['standIn'] = async () => ({ ok: false, error: 'none' })): DetectorPort => ({ analyse, warm: async () => null, standIn });

describe('checkPhoto when the browser does not decode', () => {
  withStalledDecoder();

  it('gives up, as on a detector that does not answer, on a working-size copy of a large photo that is never made', async () => {
    // A still JPEG of 1.5 MB (its scan's bytes all zero), which is sent as a copy.
    const large = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0]), new Uint8Array(1_500_000), new Uint8Array([0xff, 0xd9])], 'class.jpg', { type: 'image/jpeg' });
    const checking = checkPhoto(large, null, port(async () => answered), 'balanced', new AbortController().signal, { timeoutMs: 30 });
    await vi.advanceTimersByTimeAsync(30);
    expect(await checking).toMatchObject({ file: large, faces: null, timedOut: true });
  });
});

/** An iPhone's HEIC as far as its container goes (its image no decoder opens). */
const heic = new File([heifWith(new Uint8Array(8), JANE_XMP) as Uint8Array<ArrayBuffer>], 'IMG_0001.HEIC', { type: 'image/heic' });

describe('checkPhoto on a HEIC', () => {
  it("asks the extension, which decodes it when the browser cannot, and keeps the thumbnail and JPEG it made with the faces found in it", async () => {
    vi.stubGlobal('createImageBitmap', async () => Promise.reject(new DOMException('The source image cannot be decoded.', 'InvalidStateError')));
    try {
      const asked: string[] = [];
      const encoded = async (name: string, bytes: Blob) => ({ name, type: 'image/jpeg', base64: Buffer.from(await bytes.arrayBuffer()).toString('base64') });
      const small = new Blob([new Uint8Array([0xff, 0xd8, 1, 0xff, 0xd9])]);
      const decoded: AnalysisResult = {
        ok: true,
        analysis: { width: 40, height: 30, faces: [{ x: 1, y: 2, width: 10, height: 10, score: 0.9 }] },
        ms: 5,
        standIn: { id: 'first', thumbnail: await encoded('IMG_0001.jpg', small) },
      };
      const analyse: DetectorPort['analyse'] = async (image) => (asked.push(`analyse ${image.name} ${image.type}`), decoded);
      const detector = port(analyse, async (id) => (asked.push(`stand-in ${id}`), { ok: true, image: await encoded('IMG_0001.jpg', photo) }));
      const memory = new FaceMemory();
      const check = await checkPhoto(heic, null, detector, 'balanced', new AbortController().signal, { memory });
      expect(check).toMatchObject({ file: heic, faces: [{ x: 1, y: 2, width: 10, height: 10 }], width: 40, height: 30 });
      expect(new Uint8Array(await check.standIn!.thumbnail.arrayBuffer())).toEqual(new Uint8Array(await small.arrayBuffer()));
      // The photo itself is asked for as soon as the faces are answered.
      const standIn = await check.standIn!.photo;
      expect(asked).toEqual(['analyse IMG_0001.HEIC image/heic', 'stand-in first']);
      expect(standIn).toMatchObject({ name: 'IMG_0001.jpg', type: 'image/jpeg' });
      expect(new Uint8Array(await standIn.arrayBuffer())).toEqual(new Uint8Array(await photo.arrayBuffer()));

      // Picked again, it is known at once, with the JPEG the page draws.
      const again = await checkPhoto(heic, null, detector, 'balanced', new AbortController().signal, { memory });
      expect(asked).toHaveLength(2);
      expect(again).toMatchObject({ faces: [{ x: 1, y: 2, width: 10, height: 10 }], width: 40, height: 30 });
      expect(new Uint8Array(await (await again.standIn!.photo).arrayBuffer())).toEqual(new Uint8Array(await photo.arrayBuffer()));

      // A stand-in that did not come fails only what is drawn on it, and is not remembered.
      const lost = port(analyse, async () => ({ ok: false, error: 'the detector closed' }));
      const other = new FaceMemory();
      const unlucky = await checkPhoto(heic, null, lost, 'balanced', new AbortController().signal, { memory: other });
      expect(unlucky.faces).toHaveLength(1);
      await expect(unlucky.standIn!.photo).rejects.toThrow('the detector closed');
      await checkPhoto(heic, null, lost, 'balanced', new AbortController().signal, { memory: other });
      expect(asked.filter((line) => line.startsWith('analyse'))).toHaveLength(3);

      // One the extension cannot decode either is a photo whose faces are unknown, not a slow one.
      const failed = await checkPhoto(heic, null, port(async () => ({ ok: false, error: 'no decoder' })), 'balanced', new AbortController().signal);
      expect(failed).toMatchObject({ faces: null });
      expect(failed.timedOut).toBeUndefined();
      expect(failed.standIn).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('checkPhoto when the detector does not answer', () => {
  it('gives up after the time allowed: faces unknown, said to be a check that took too long', async () => {
    const stalled = port(() => new Promise(() => undefined));
    const check = await checkPhoto(photo, null, stalled, 'balanced', new AbortController().signal, { timeoutMs: 30 });
    expect(check).toMatchObject({ file: photo, faces: null, timedOut: true });
  });

  it('tells the detector its answer is no longer waited for', async () => {
    let given: AbortSignal | undefined;
    const stalled = port((_image, _sensitivity, signal) => ((given = signal), new Promise(() => undefined)));
    await checkPhoto(photo, null, stalled, 'balanced', new AbortController().signal, { timeoutMs: 30 });
    expect(given?.aborted).toBe(true);
  });

  it('gives up at once when the page goes away', async () => {
    const stalled = port(() => new Promise(() => undefined));
    const leaving = new AbortController();
    const checking = checkPhoto(photo, null, stalled, 'balanced', leaving.signal, { timeoutMs: 60_000 });
    leaving.abort();
    expect(await checking).toMatchObject({ faces: null, timedOut: true });
  });

  it('keeps an answer that comes in time, and a photo the detector could not read is not a timeout', async () => {
    const check = await checkPhoto(photo, null, port(async () => answered), 'balanced', new AbortController().signal, { timeoutMs: 1000 });
    expect(check).toMatchObject({ faces: [{ x: 1, y: 2, width: 10, height: 10 }], width: 40, height: 30 });
    expect(check.timedOut).toBeUndefined();
    const failed = await checkPhoto(photo, null, port(async () => ({ ok: false, error: 'cannot decode' })), 'balanced', new AbortController().signal, { timeoutMs: 1000 });
    expect(failed).toMatchObject({ faces: null });
    expect(failed.timedOut).toBeUndefined();
  });
});

describe('checkPhoto with a memory of photos checked', () => {
  const counting = () => {
    const asked: Array<Rect[] | undefined> = [];
    return { asked, detector: port(async (_image, _sensitivity, _signal, within) => (asked.push(within), answered)) };
  };
  const signal = new AbortController().signal;

  it('does not ask the detector again about the same bytes at the same sensitivity, whatever the name', async () => {
    const { asked, detector } = counting();
    const memory = new FaceMemory();
    const first = await checkPhoto(photo, null, detector, 'balanced', signal, { memory });
    const again = await checkPhoto(new File([photo], 'renamed.jpg', { type: 'image/jpeg' }), null, detector, 'balanced', signal, { memory });
    expect(asked).toHaveLength(1);
    expect(again).toMatchObject({ file: { name: 'renamed.jpg' }, faces: first.faces, width: 40, height: 30 });
  });

  it('asks again at another sensitivity, about other bytes, and about parts of a photo', async () => {
    const { asked, detector } = counting();
    const memory = new FaceMemory();
    await checkPhoto(photo, null, detector, 'balanced', signal, { memory });
    await checkPhoto(photo, null, detector, 'thorough', signal, { memory });
    await checkPhoto(new File([new Uint8Array([0xff, 0xd8, 0, 0xff, 0xd9])], 'other.jpg'), null, detector, 'balanced', signal, { memory });
    const region = [{ x: 0, y: 0, width: 10, height: 10 }];
    await checkPhoto(photo, null, detector, 'balanced', signal, { memory, within: region });
    expect(asked).toEqual([undefined, undefined, undefined, region]);
  });

  it('does not remember a photo the detector could not read, or did not answer about in time', async () => {
    const memory = new FaceMemory();
    let answers = 0;
    const unreadable = port(async () => (answers++, { ok: false, error: 'undecodable' }) as AnalysisResult);
    await checkPhoto(photo, null, unreadable, 'balanced', signal, { memory });
    await checkPhoto(photo, null, port(() => new Promise(() => undefined)), 'balanced', signal, { memory, timeoutMs: 30 });
    const { asked, detector } = counting();
    expect(await checkPhoto(photo, null, detector, 'balanced', signal, { memory })).toMatchObject({ faces: [{ x: 1 }] });
    expect([answers, asked.length]).toEqual([1, 1]);
  });
});
