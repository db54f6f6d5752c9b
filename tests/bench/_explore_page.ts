import { FaceDetector } from '@mediapipe/tasks-vision';
import { planTiles } from '../../models/tiling';
let det: FaceDetector;
Object.assign(globalThis, { explore: {
  async init(minScore: number, model = 'face_detection_full_range.tflite') {
    det = await FaceDetector.createFromOptions({ wasmLoaderPath: '/ext/mediapipe/vision_wasm_internal.js', wasmBinaryPath: '/ext/mediapipe/vision_wasm_internal.wasm' },
      { baseOptions: { modelAssetPath: '/gen/' + model, delegate: 'CPU' }, runningMode: 'IMAGE', minDetectionConfidence: minScore });
  },
  async run(url: string, grids: number[], inputSide: number, overlap = 0.25, flip = false) {
    const bmp = await createImageBitmap(await (await fetch(url)).blob());
    const out: number[][] = [];
    const tiles = planTiles(bmp.width, bmp.height, { grids, overlap });
    const levelOf = (t: any) => t.width === bmp.width && t.height === bmp.height ? 0 : 1 + [...new Set(tiles.slice(1).map((x) => x.width))].indexOf(t.width);
    for (const t of tiles) {
      const r = Math.min(1, inputSide / Math.max(t.width, t.height));
      const w = Math.round(t.width * r), h = Math.round(t.height * r);
      let input: ImageBitmap | OffscreenCanvas = await createImageBitmap(bmp, t.x, t.y, t.width, t.height, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
      if (flip) { const c = new OffscreenCanvas(w, h); const g = c.getContext('2d')!; g.translate(w, 0); g.scale(-1, 1); g.drawImage(input, 0, 0); input = c; }
      for (const d of det.detect(input).detections) {
        const b = d.boundingBox!; let bx = b.originX; if (flip) bx = w - b.originX - b.width;
        out.push([t.x + bx / r, t.y + b.originY / r, b.width / r, b.height / r, d.categories[0]!.score, levelOf(t), t.x, t.y, t.width]);
      }
    }
    return { w: bmp.width, h: bmp.height, out };
  },
}});
