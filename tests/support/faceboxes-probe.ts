import { readFileSync } from 'node:fs';
import { detectorAssetsAt } from '../../models/asset-paths';
import { MODEL_INPUT_SIDE } from '../../models/view-options';
import { type Box, iou } from '../../models/boxes';
import { annotatedPhotos } from './annotations';
import { photo } from './sites';

/** How the sample is seen: made `shrink` times smaller first; its tile `enlarged` to FaceBoxes' input side. */
export interface ProbeOptions {
  shrink: number;
  enlarged: boolean;
}

/** The samples with faces, each with its faces (in the pixels FaceBoxes is given) and the script that asks FaceBoxes alone about it. */
export const faceBoxesProbes = ({ shrink, enlarged }: ProbeOptions = { shrink: 1, enlarged: false }) =>
  annotatedPhotos()
    .filter((p) => p.faces.length)
    .map((sample) => ({
      file: sample.file,
      faces: sample.faces.map((face) => face.map((v) => v / shrink)),
      script: faceBoxesIn(readFileSync(photo(sample.file)).toString('base64'), shrink, enlarged),
    }));

/** The annotated faces no confident box of FaceBoxes' answer lies on (IoU > 0.3). */
export const unfoundFaces = (found: Box[], faces: number[][]) =>
  faces.filter(([x, y, width, height]) => !found.some((f) => f.score >= 0.5 && iou(f, { x: x!, y: y!, width: width!, height: height! }) > 0.3));

/** Why FaceBoxes' answer misses a sample's faces (each found once), or null when it does not. */
export function missedFaces(found: Box[], faces: number[][]): string | null {
  const confident = found.filter((c) => c.score >= 0.5).length;
  if (confident !== faces.length) return `${confident} faces found, ${faces.length} annotated`;
  const unfound = unfoundFaces(found, faces);
  return unfound.length ? `no box on ${JSON.stringify(unfound)}` : null;
}

/**
 * A script for one of the extension's own pages (its CSP, its origin): a new detector worker,
 * sent the photo with one FaceBoxes job; its value is the worker's candidates.
 */
const faceBoxesIn = (base64: string, shrink: number, enlarged: boolean) => `(async () => {
  // The extension's own asset list, each path made a URL of this extension.
  const { workerUrl, ...assets } = JSON.parse('${JSON.stringify(detectorAssetsAt((path) => path))}', (_, value) =>
    typeof value === 'string' ? (globalThis.browser ?? chrome).runtime.getURL(value) : value);
  // Not fetched from a data: URL: the page may connect to the extension's own files only.
  const original = await createImageBitmap(new Blob([Uint8Array.from(atob('${base64}'), (c) => c.charCodeAt(0))]));
  const size = { resizeWidth: Math.round(original.width / ${shrink}), resizeHeight: Math.round(original.height / ${shrink}), resizeQuality: 'high' };
  const image = await createImageBitmap(original, size);
  const region = { x: 0, y: 0, width: image.width, height: image.height };
  const worker = new Worker(workerUrl);
  const answer = () => new Promise((resolve) => (worker.onmessage = ({ data }) => resolve(data)));
  try {
    const wasm = await WebAssembly.compileStreaming(fetch(assets.wasmBinaryUrl));
    const ready = answer();
    worker.postMessage({ type: 'init', wasm, minScore: 0.05, assets });
    const started = await ready;
    if (started.type !== 'ready') throw new Error('worker not ready: ' + started.error);
    const detected = answer();
    worker.postMessage({ type: 'image', imageId: 1, image }, [image]);
    worker.postMessage({ type: 'detect', request: 1, imageId: 1, jobs: [{ region, model: 'faceBoxes', mirrored: false, inputSide: ${MODEL_INPUT_SIDE.faceBoxes}, enlarged: ${enlarged}, view: 0 }] });
    const reply = await detected;
    if (reply.type !== 'detected') throw new Error(reply.error);
    return reply.candidates;
  } finally {
    worker.terminate();
  }
})()`;
