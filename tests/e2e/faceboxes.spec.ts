import { expect, test } from '@playwright/test';
import type { Candidate } from '../../models/merge';
import { launchWithExtension } from '../support/browser';
import { inDetectorPage } from '../support/detector-page';
import { faceBoxesProbes, missedFaces } from '../support/faceboxes-probe';
import { serveSites, SITE_PAGES } from '../support/sites';

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
    for (const { sample, script } of faceBoxesProbes()) {
      const found = (await inDetectorPage(page, script)) as Candidate[];
      expect(missedFaces(found, sample.faces), sample.file).toBeNull();
    }
  } finally {
    await context.close();
  }
});
