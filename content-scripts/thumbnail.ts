const SIDE = 480;

/** A small upright JPEG of the photo for the overlay, or null when it cannot be decoded. */
export async function thumbnail(file: File): Promise<Blob | null> {
  try {
    const full = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, SIDE / Math.max(full.width, full.height));
    const canvas = new OffscreenCanvas(Math.round(full.width * scale), Math.round(full.height * scale));
    canvas.getContext('2d')!.drawImage(full, 0, 0, canvas.width, canvas.height);
    full.close();
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  } catch {
    return null;
  }
}
