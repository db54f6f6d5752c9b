/**
 * An image a worker holds while a photo is analysed, with its copies at each grid level's scale.
 * Every round of the photo cuts tiles from them (the mirrored view's tiles are the full-range
 * view's again), so each copy is made once per photo, not once per round.
 */
export class ScaledImage {
  private readonly copies = new Map<number, Promise<ImageBitmap>>();

  constructor(private readonly image: ImageBitmap) {}

  /** The image resized by `scale` (at most 1). */
  at(scale: number): Promise<ImageBitmap> {
    let copy = this.copies.get(scale);
    if (!copy) {
      const { width, height } = this.image;
      const size = { resizeWidth: Math.max(1, Math.round(width * scale)), resizeHeight: Math.max(1, Math.round(height * scale)) };
      copy = scale === 1 ? Promise.resolve(this.image) : createImageBitmap(this.image, { ...size, resizeQuality: 'high' });
      this.copies.set(scale, copy);
      // Not kept when it fails: the next round tries again.
      copy.catch(() => this.copies.delete(scale));
    }
    return copy;
  }

  close(): void {
    // The copy at scale 1 is the image itself, closed once below.
    for (const copy of this.copies.values()) void copy.then((bitmap) => bitmap !== this.image && bitmap.close(), () => undefined);
    this.copies.clear();
    this.image.close();
  }
}
