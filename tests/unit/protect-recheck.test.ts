import { describe, expect, it, vi } from 'vitest';
import { MASK_TIMEOUT_MS, protectAll, stillFound } from '../../content-scripts/protect';
import type { PhotoCheck } from '../../content-scripts/photo-check';
import type { Box } from '../../models/boxes';
import { withStalledDecoder } from '../support/stalled-decoder';

const face = (x: number, y: number, side: number) => ({ x, y, width: side, height: side });

describe('which pixelated faces are filled instead', () => {
  const masks = [face(100, 100, 40), face(300, 100, 40)];

  it('a face found again in a mask, even off-centre or larger, marks that mask alone', () => {
    // Centred 5 px inside the padded box's edge (the box reaches 16 px beyond the face).
    expect(stillFound(masks, [face(84 - 25 + 5, 120 - 25, 50)], 640, 480)).toEqual([true, false]);
    expect(stillFound(masks, [face(280, 80, 80)], 640, 480)).toEqual([false, true]);
  });

  it('a face found beside the masks marks none', () => {
    expect(stillFound(masks, [face(180, 100, 40), face(100, 200, 40)], 640, 480)).toEqual([false, false]);
    expect(stillFound(masks, [], 640, 480)).toEqual([false, false]);
  });

  it('every mask, when the masked photo could not be looked at', () => {
    expect(stillFound(masks, null, 640, 480)).toEqual([true, true]);
  });
});

describe('a photo whose redrawing never ends', () => {
  withStalledDecoder();

  it('is held back as one that could not be masked, and the others still go', async () => {
    const photo = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], name, { type: 'image/jpeg' });
    const none = { findings: [], orientation: 1, format: 'jpeg' as const, animated: false };
    const check = (file: File, faces: Box[]): PhotoCheck => ({ file, width: 640, height: 480, faces, metadata: none });
    const checks = [check(photo('child.jpg'), [{ ...face(100, 100, 40), score: 0.9 }]), check(photo('sky.jpg'), [])];
    const choice = { mask: true, style: 'fill' as const, strip: true, faces: [true] };
    const protecting = protectAll(checks, () => choice, async () => []);
    await vi.advanceTimersByTimeAsync(MASK_TIMEOUT_MS);
    const outcome = await protecting;
    expect(outcome.failed).toEqual(['child.jpg']);
    expect([...outcome.files.keys()].map((file) => file.name)).toEqual(['sky.jpg']);
  });
});
