import { readFileSync } from 'node:fs';
import { ASSET_PATHS } from '../../models/asset-paths';
import { MODEL_INPUT_SIDE } from '../../models/analysis-options';
import { type Box, iou } from '../../models/boxes';
import { annotatedPhotos } from './annotations';
import { photo } from './sites';

/** The samples with faces, each with the script that asks FaceBoxes alone about it. */
export const faceBoxesProbes = () =>
  annotatedPhotos()
    .filter((p) => p.faces.length)
    .map((sample) => ({ sample, script: faceBoxesIn(readFileSync(photo(sample.file)).toString('base64')) }));

/** Why FaceBoxes' answer misses a sample's faces (each found once, at IoU > 0.3), or null when it does not. */
export function missedFaces(found: Box[], faces: number[][]): string | null {
  const confident = found.filter((c) => c.score >= 0.5);
  if (confident.length !== faces.length) return `${confident.length} faces found, ${faces.length} annotated`;
  const missed = faces.filter(([x, y, width, height]) => !confident.some((f) => iou(f, { x: x!, y: y!, width: width!, height: height! }) > 0.3));
  return missed.length ? `no box on ${JSON.stringify(missed)}` : null;
}

/**
 * A script for one of the extension's own pages (its CSP, its origin): a new detector worker,
 * sent the photo with one FaceBoxes job; its value is the worker's candidates.
 */
const faceBoxesIn = (base64: string) => `(async () => {
  const paths = ${JSON.stringify(ASSET_PATHS)};
  const url = (path) => (globalThis.browser ?? chrome).runtime.getURL(paths[path] ?? path);
  // Not fetched from a data: URL: the page may connect to the extension's own files only.
  const image = await createImageBitmap(new Blob([Uint8Array.from(atob('${base64}'), (c) => c.charCodeAt(0))]));
  const region = { x: 0, y: 0, width: image.width, height: image.height };
  const worker = new Worker(url('worker'));
  const answer = () => new Promise((resolve) => (worker.onmessage = ({ data }) => resolve(data)));
  try {
    const wasm = await WebAssembly.compileStreaming(fetch(url('wasmBinary')));
    const ready = answer();
    worker.postMessage({ type: 'init', wasm, minScore: 0.05, assets: {
      wasmLoaderUrl: url('wasmLoader'), wasmBinaryUrl: url('wasmBinary'), tfjsWasmUrl: url('tfjsWasm'),
      modelUrls: { fullRange: url('fullRange'), shortRange: url('shortRange'), faceBoxes: url('faceBoxes') },
    } });
    const started = await ready;
    if (started.type !== 'ready') throw new Error('worker not ready: ' + started.error);
    const detected = answer();
    worker.postMessage({ type: 'detect', request: 1, imageId: 1, image, jobs: [{ region, model: 'faceBoxes', mirrored: false, inputSide: ${MODEL_INPUT_SIDE.faceBoxes}, view: 0 }] }, [image]);
    const reply = await detected;
    if (reply.type !== 'detected') throw new Error(reply.error);
    return reply.candidates;
  } finally {
    worker.terminate();
  }
})()`;
