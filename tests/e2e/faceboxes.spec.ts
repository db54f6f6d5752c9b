import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ASSET_PATHS } from '../../background/detector-assets';
import { MODEL_INPUT_SIDE } from '../../models/analysis-options';
import { iou } from '../../models/boxes';
import type { Candidate } from '../../models/merge';
import { annotatedPhotos } from '../support/annotations';
import { launchWithExtension } from '../support/browser';
import { inDetectorPage } from '../support/detector-page';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

/**
 * FaceBoxes alone, in a detector worker of the extension's own detector page: its runtime, its
 * wasm and its weights load under the extension's CSP, and it finds each face by itself. (The
 * vote would hide a FaceBoxes that answered nothing: BlazeFace finds these faces too.)
 */
test("FaceBoxes finds every sample's faces by itself in the extension's detector worker", async () => {
  const context = await launchWithExtension();
  try {
    await serveSites(context);
    const page = await context.newPage();
    await page.goto(SITE_PAGES.x.url);
    // The guard starts the detector page as soon as a file input shows.
    await expect.poll(() => inDetectorPage(page, '1').catch(() => 0), { timeout: 30_000 }).toBe(1);
    for (const sample of annotatedPhotos().filter((p) => p.faces.length)) {
      const bytes = readFileSync(photo(sample.file)).toString('base64');
      const found = (await inDetectorPage(page, faceBoxesIn(bytes))) as Candidate[];
      const faces = found.filter((c) => c.score >= 0.5);
      expect(faces, sample.file).toHaveLength(sample.faces.length);
      for (const [x, y, width, height] of sample.faces) {
        expect(Math.max(...faces.map((f) => iou(f, { x: x!, y: y!, width: width!, height: height! }))), sample.file).toBeGreaterThan(0.3);
      }
    }
  } finally {
    await context.close();
  }
});

/** A script for the detector page: a new detector worker, sent the photo with one FaceBoxes job. */
const faceBoxesIn = (base64: string) => `(async () => {
  const paths = ${JSON.stringify(ASSET_PATHS)};
  const url = (path) => chrome.runtime.getURL(paths[path] ?? path);
  // Not fetched from a data: URL: the page may connect to the extension's own files only.
  const image = await createImageBitmap(new Blob([Uint8Array.from(atob('${base64}'), (c) => c.charCodeAt(0))]));
  const region = { x: 0, y: 0, width: image.width, height: image.height };
  const worker = new Worker(url('detector-worker.js'));
  const answer = () => new Promise((resolve) => (worker.onmessage = ({ data }) => resolve(data)));
  try {
    const wasm = await WebAssembly.compileStreaming(fetch(url('wasmBinary')));
    const ready = answer();
    worker.postMessage({ type: 'init', wasm, minScore: 0.05, assets: {
      wasmLoaderUrl: url('wasmLoader'), wasmBinaryUrl: url('wasmBinary'), tfjsWasmUrl: url('tfjsWasm'),
      modelUrls: { fullRange: url('fullRange'), shortRange: url('shortRange'), faceBoxes: url('faceBoxes') },
    } });
    if ((await ready).type !== 'ready') throw new Error('worker not ready');
    const detected = answer();
    worker.postMessage({ type: 'detect', request: 1, imageId: 1, image, jobs: [{ region, model: 'faceBoxes', mirrored: false, inputSide: ${MODEL_INPUT_SIDE.faceBoxes}, view: 0 }] }, [image]);
    const reply = await detected;
    if (reply.type !== 'detected') throw new Error(reply.error);
    return reply.candidates;
  } finally {
    worker.terminate();
  }
})()`;
