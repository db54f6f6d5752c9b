import { describe, expect, it } from 'vitest';
import { FaceMemory, REMEMBERED_DRAWN, REMEMBERED_PHOTOS } from '../../content-scripts/face-memory';

const analysis = (width: number) => ({ width, height: 10, faces: [] });

describe('the memory of photos checked', () => {
  it('keys photos by their bytes and the sensitivity', async () => {
    const memory = new FaceMemory();
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await memory.keyOf(bytes, 'balanced')).toBe(await memory.keyOf(new Uint8Array([1, 2, 3]), 'balanced'));
    expect(await memory.keyOf(bytes, 'balanced')).not.toBe(await memory.keyOf(bytes, 'thorough'));
    expect(await memory.keyOf(bytes, 'balanced')).not.toBe(await memory.keyOf(new Uint8Array([1, 2, 4]), 'balanced'));
  });

  it('forgets the photo least recently asked about once it holds too many', () => {
    const memory = new FaceMemory();
    for (let i = 0; i < REMEMBERED_PHOTOS; i++) memory.keep(`photo ${i}`, analysis(i));
    expect(memory.recall('photo 0')).toEqual(analysis(0)); // asked about again: now the most recent
    memory.keep('one more', analysis(-1));
    expect(memory.recall('photo 1')).toBeUndefined();
    expect(memory.recall('photo 0')).toEqual(analysis(0));
    expect(memory.recall('photo 2')).toEqual(analysis(2));
    expect(memory.recall('one more')).toEqual(analysis(-1));
  });

  it('keeps the stand-ins decoded for the page of the few most recent photos that needed them, forgetting the older ones whole', async () => {
    const memory = new FaceMemory();
    const drawn = (i: number) => ({ ...analysis(i), standIn: { thumbnail: new Blob(), photo: Promise.resolve(new File([new Uint8Array(1)], `IMG_${i}.jpg`)) } });
    memory.keep('a photo the page draws', analysis(0));
    for (let i = 0; i <= REMEMBERED_DRAWN; i++) memory.keep(`heic ${i}`, drawn(i));
    expect(memory.recall('heic 0')).toBeUndefined();
    expect((await memory.recall('heic 1')?.standIn?.photo)?.name).toBe('IMG_1.jpg');
    expect((await memory.recall(`heic ${REMEMBERED_DRAWN}`)?.standIn?.photo)?.name).toBe(`IMG_${REMEMBERED_DRAWN}.jpg`);
    expect(memory.recall('a photo the page draws')).toEqual(analysis(0));
  });
});
