// FaceBoxes in Firefox: TensorFlow.js and its wasm in a detector worker of an extension page,
// under the extension's CSP, as the background page starts them. The guard's vote would hide a
// FaceBoxes that answered nothing (BlazeFace finds these faces too): here it answers alone.
// Run with `npm run test:firefox` (under xvfb-run).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Box } from '../../models/boxes';
import { faceBoxesProbes, missedFaces } from '../support/faceboxes-probe';
import { launchFirefox, openExtensionPage } from '../support/firefox';

test("Firefox: FaceBoxes finds every sample's faces by itself in the extension's detector worker", async () => {
  const browser = await launchFirefox();
  try {
    const page = await browser.newPage();
    await openExtensionPage(page, 'options.html');
    for (const { file, faces, script } of faceBoxesProbes()) {
      const found = (await page.evaluate(script)) as Box[];
      assert.equal(missedFaces(found, faces), null, file);
    }
  } finally {
    await browser.close();
  }
});
