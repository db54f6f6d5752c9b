import { afterEach, beforeEach, vi } from 'vitest';

/**
 * In the tests of the describe block (or file) that calls it: the browser's decoder never answers
 * (createImageBitmap's promise never settles), and timers are fake, so that a deadline can pass.
 */
export function withStalledDecoder(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('createImageBitmap', () => new Promise(() => undefined));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}
