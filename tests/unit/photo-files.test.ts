import { describe, expect, it } from 'vitest';
import { isImage } from '../../content-scripts/hold-uploads';

const file = (name: string, type: string) => new File([], name, { type });

describe('which picked files are photos to check', () => {
  it('goes by the type the browser gave', () => {
    expect(isImage(file('a.jpg', 'image/jpeg'))).toBe(true);
    expect(isImage(file('photo', 'image/webp'))).toBe(true);
    expect(isImage(file('clip.mp4', 'video/mp4'))).toBe(false);
    expect(isImage(file('notes.txt', 'text/plain'))).toBe(false);
  });

  it('goes by the name when the browser gave no type (Chromium on Linux and an iPhone\'s "IMG_0001.HEIC")', () => {
    expect(isImage(file('IMG_0001.HEIC', ''))).toBe(true);
    expect(isImage(file('scan.TIFF', 'application/octet-stream'))).toBe(true);
    expect(isImage(file('archive.zip', ''))).toBe(false);
    expect(isImage(file('heic', ''))).toBe(false);
  });

  it('does not second-guess a type the browser did give', () => {
    expect(isImage(file('clip.jpg', 'video/mp4'))).toBe(false);
  });
});
