import { expect, type Page, test } from '@playwright/test';
import type { Candidate } from '../../models/merge';
import { launchWithExtension } from '../support/browser';
import { inDetectorPage } from '../support/detector-page';
import { faceBoxesProbes, missedFaces, unfoundFaces } from '../support/faceboxes-probe';
import { serveSites, SITE_PAGES } from '../support/sites';

/**
 * FaceBoxes alone, in a detector worker of the extension's own detector page: its runtime, its
 * wasm and its weights load under the extension's CSP, and it finds each face by itself. (The
 * vote would hide a FaceBoxes that answered nothing: BlazeFace finds these faces too.)
 */
async function withDetectorPage(run: (page: Page) => Promise<void>): Promise<void> {
  const context = await launchWithExtension();
  try {
    await serveSites(context);
    const page = await context.newPage();
    await page.goto(SITE_PAGES.x.url);
    // The guard starts the detector page as soon as a file input shows.
    await expect.poll(() => inDetectorPage(page, '1').catch(() => 0), { timeout: 30_000 }).toBe(1);
    await run(page);
  } finally {
    await context.close();
  }
}

test("FaceBoxes finds every sample's faces by itself in the extension's detector worker", () =>
  withDetectorPage(async (page) => {
    for (const { file, faces, script } of faceBoxesProbes()) {
      expect(missedFaces((await inDetectorPage(page, script)) as Candidate[], faces), file).toBeNull();
    }
  }));

test('FaceBoxes finds faces too small for it once their tile is enlarged', () =>
  withDetectorPage(async (page) => {
    // At an eighth of their size the samples' faces are ~25 px, under FaceBoxes' smallest anchor.
    const unfound = async (enlarged: boolean) => {
      const left: number[][] = [];
      for (const { faces, script } of faceBoxesProbes({ shrink: 8, enlarged })) left.push(...unfoundFaces((await inDetectorPage(page, script)) as Candidate[], faces));
      return left;
    };
    expect((await unfound(false)).length, 'faces found at their small size').toBeGreaterThan(0);
    expect(await unfound(true)).toEqual([]);
  }));
