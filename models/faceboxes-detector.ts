import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { dispose, env, ready, setBackend, tensor4d, type Tensor } from '@tensorflow/tfjs-core';
import { type Box, suppressed } from './boxes';
import type { RegionDetector } from './tile-job';

/**
 * Its candidates below this are dropped here: the model always answers its 200 best boxes, most
 * of them near 0, which are not worth sending back. Not above any sensitivity's
 * `minCandidateScore` (thorough's is 0.3), so that the vote still sees all it may keep.
 */
export const FACEBOXES_FLOOR = 0.3;

/**
 * The network's own outputs, read before the graph's last step: its non-maximum suppression is a
 * TensorFlow while-loop, which TensorFlow.js runs op by op through its async executor (with both
 * workers busy, 12 ms of a 40-ms pass at 256 px, 50–70 ms of 280–360 at 1024). The same greedy
 * suppression over the boxes above the floor gives the same boxes, since a box under it can only
 * suppress weaker ones (the same 679 boxes on the bench's 73 photos, whole and in 256-px crops).
 */
const OUTPUTS = { boxes: 'postprocessing/clip_by_value_1', scores: 'postprocessing/strided_slice_2' };
/** The graph's suppression: at most 200 boxes, none overlapping a better one by IoU 0.3 or more. */
const MOST_BOXES = 200;
const SUPPRESSING_IOU = 0.3;

/**
 * FaceBoxes (a detector trained on WIDER FACE's crowds, parties and classrooms) run by
 * TensorFlow.js on its wasm backend, one thread. Where BlazeFace was trained on selfies, it was
 * trained on photos like the ones parents post: a different network, with different mistakes, as
 * one more view in the vote.
 */
export async function loadFaceBoxes(modelUrl: string, wasmUrl: string): Promise<RegionDetector> {
  // One thread: the pool already gives each core a worker, and an extension's workers may share
  // memory, so TensorFlow.js would otherwise start threads of its own in each. Only the SIMD build
  // is shipped (as for MediaPipe, every supported browser runs it); it is found beside its URL.
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths(new URL('./', wasmUrl).href);
  if (!(await setBackend('wasm'))) throw new Error('TensorFlow.js wasm backend unavailable');
  await ready();
  const model = await loadGraphModel(modelUrl);
  const detector: RegionDetector = { detect: (picture) => detectIn(model, picture) };
  // The first run sets up the graph's buffers: done here, not on a photo.
  await detector.detect(new OffscreenCanvas(64, 64));
  return detector;
}

async function detectIn(model: GraphModel, picture: ImageBitmap | OffscreenCanvas): Promise<Box[]> {
  const { width, height } = picture;
  const canvas = picture instanceof OffscreenCanvas ? picture : drawn(picture);
  const rgba = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
  const rgb = new Int32Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  const input = tensor4d(rgb, [1, height, width, 3], 'int32');
  const outputs = model.execute({ image_tensor: input }, [OUTPUTS.boxes, OUTPUTS.scores]) as Tensor[];
  try {
    const [boxes, scores] = await Promise.all(outputs.map((t) => t.data()));
    const found: Box[] = [];
    for (let i = 0; i < scores!.length; i++) {
      const score = scores![i]!;
      if (score < FACEBOXES_FLOOR) continue;
      // Normalised [ymin, xmin, ymax, xmax].
      const [y1, x1, y2, x2] = [boxes![i * 4]!, boxes![i * 4 + 1]!, boxes![i * 4 + 2]!, boxes![i * 4 + 3]!];
      found.push({ x: x1 * width, y: y1 * height, width: (x2 - x1) * width, height: (y2 - y1) * height, score });
    }
    return suppressed(found, SUPPRESSING_IOU, MOST_BOXES);
  } finally {
    dispose([input, ...outputs]);
  }
}

function drawn(bitmap: ImageBitmap): OffscreenCanvas {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d', { willReadFrequently: true })!.drawImage(bitmap, 0, 0);
  return canvas;
}
