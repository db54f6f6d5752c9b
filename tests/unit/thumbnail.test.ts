import { expect, it, vi } from 'vitest';
import { thumbnail, THUMBNAIL_TIMEOUT_MS } from '../../content-scripts/upright-copy';
import { withStalledDecoder } from '../support/stalled-decoder';

withStalledDecoder();

it('gives up on a thumbnail the decoder never makes, so that the window still opens, without it', async () => {
  const making = thumbnail(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'child.jpg', { type: 'image/jpeg' }));
  await vi.advanceTimersByTimeAsync(THUMBNAIL_TIMEOUT_MS);
  expect(await making).toBeNull();
});
