/**
 * A picked file's bytes, copied into a buffer of this script's own. In Firefox a file from the
 * page's input, drop or paste belongs to the page's compartment, and so does the buffer it reads
 * into: this script's DataViews and TextDecoders cannot use it, and metadata went unseen.
 */
export async function fileBytes(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  const source = new Uint8Array(await file.arrayBuffer());
  const own = new Uint8Array(source.length);
  own.set(source);
  return own;
}
