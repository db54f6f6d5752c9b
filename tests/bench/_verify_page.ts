import { FaceDetector } from '@mediapipe/tasks-vision';
import { iou } from '../../models/boxes';
const dets: Record<string, FaceDetector> = {};
Object.assign(globalThis, { explore: {
  async init() {
    for (const m of ['full_range', 'short_range'])
      dets[m] = await FaceDetector.createFromOptions({ wasmLoaderPath: '/ext/mediapipe/vision_wasm_internal.js', wasmBinaryPath: '/ext/mediapipe/vision_wasm_internal.wasm' },
        { baseOptions: { modelAssetPath: `/gen/face_detection_${m}.tflite`, delegate: 'CPU' }, runningMode: 'IMAGE', minDetectionConfidence: 0.1 });
  },
  async verify(url: string, boxes: number[][], ks: number[]) {
    const bmp = await createImageBitmap(await (await fetch(url)).blob());
    const out: number[][] = [];
    for (const [x, y, w, h] of boxes) {
      const row: number[] = [];
      for (const k of ks) for (const [m, side] of [['full_range', 192], ['short_range', 128]] as const) {
        const s = Math.max(w!, h!) * k; const cx = x! + w! / 2, cy = y! + h! / 2;
        const sx = cx - s / 2, sy = cy - s / 2;
        // crop may extend beyond the image: draw on a canvas with black padding
        const c = new OffscreenCanvas(side, side); const g = c.getContext('2d')!;
        g.fillStyle = '#000'; g.fillRect(0, 0, side, side);
        g.drawImage(bmp, sx, sy, s, s, 0, 0, side, side);
        const r = side / s; const expect = { x: (x! - sx) * r, y: (y! - sy) * r, width: w! * r, height: h! * r };
        let best = 0;
        for (const d of dets[m]!.detect(c).detections) {
          const b = d.boundingBox!; const bb = { x: b.originX, y: b.originY, width: b.width, height: b.height };
          if (iou(bb, expect) >= 0.3) best = Math.max(best, d.categories[0]!.score);
        }
        row.push(best);
      }
      out.push(row);
    }
    return out;
  },
}});
