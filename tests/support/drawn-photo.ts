import { readFileSync } from 'node:fs';

/** How a photo is drawn into a new JPEG in the page (see `drawnPhoto`). */
export interface Drawing {
  /** Copies stacked top to bottom. */
  copies?: number;
  /** Each copy's size, as a share of the photo's. */
  scale?: number;
  /** A CSS `filter` drawn through (poor light, say). */
  filter?: string;
  /** The whole image turned a half turn. */
  upsideDown?: boolean;
}

type DrawArgs = readonly [data: string, copies: number, scale: number, filter: string, upsideDown: boolean];

/** What `drawnPhoto` is handed in the page: the photo's bytes and the drawing, defaults filled in. */
export const drawArgs = (path: string, { copies = 1, scale = 1, filter = 'none', upsideDown = false }: Drawing = {}): DrawArgs =>
  [readFileSync(path).toString('base64'), copies, scale, filter, upsideDown] as const;

/**
 * Run in the page (Playwright's or Puppeteer's `evaluate`, with `drawArgs`): the photo drawn as
 * asked, returned as a base64 JPEG. Self-contained, since it is sent to the page as source.
 */
export async function drawnPhoto([data, copies, scale, filter, upsideDown]: DrawArgs): Promise<string> {
  const bitmap = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${data}`)).blob());
  const [width, height] = [Math.round(bitmap.width * scale), Math.round(bitmap.height * scale)];
  const canvas = new OffscreenCanvas(width, height * copies);
  const context = canvas.getContext('2d')!;
  context.filter = filter;
  if (upsideDown) context.setTransform(-1, 0, 0, -1, width, height * copies);
  for (let i = 0; i < copies; i++) context.drawImage(bitmap, 0, i * height, width, height);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer()).toBase64();
}
