import { describe, expect, it } from 'vitest';
import { analysisFor, DEFAULT_ANALYSIS, type TilesShowing } from '../../models/analysis-options';
import { CLOSER_FACEBOXES, MODEL_INPUT_SIDE } from '../../models/view-options';
import { hinted, regions, withinBudget } from '../../models/view-regions';
import { workingScale } from '../../models/tiling';
import type { Rect } from '../../models/boxes';

/** The first pass's regions for an image of this size, as the analyser plans them. */
function firstPass(width: number, height: number) {
  const scale = workingScale(width, height, DEFAULT_ANALYSIS.workingSide);
  const size = { width: Math.round(width * scale), height: Math.round(height * scale) };
  const views = withinBudget(size, DEFAULT_ANALYSIS).filter((view) => !view.confirmOnly);
  return { views, count: views.reduce((sum, view) => sum + regions(size, view, DEFAULT_ANALYSIS).length, 0) };
}

describe('the analysis plan', () => {
  it('looks at a 3:2 photo with every view and grid level', () => {
    const { views, count } = firstPass(4000, 2667);
    expect(views.map((v) => v.grids)).toEqual(DEFAULT_ANALYSIS.views.filter((v) => !v.confirmOnly).map((v) => v.grids));
    expect(count).toBe(113);
  });

  it('keeps a long screenshot within the budget by leaving out the finest levels first', () => {
    const { views, count } = firstPass(1080, 20160);
    expect(count).toBeLessThanOrEqual(DEFAULT_ANALYSIS.maxJobs);
    const kept = views.flatMap((v) => v.grids);
    expect(kept).toContain(2);
    expect(Math.max(...kept)).toBeLessThan(6);
  });

  it('looks at a banner or a single pixel whole only, upright and upside down', () => {
    expect(firstPass(4000, 50).count).toBe(2);
    expect(firstPass(1, 1).count).toBe(2);
  });
});

describe('the guided view', () => {
  const size = { width: 1920, height: 1280 };
  const guided = DEFAULT_ANALYSIS.views.find((view) => view.guided)!;
  const tiles = regions(size, guided, DEFAULT_ANALYSIS);
  const hint = { x: 900, y: 600, width: 30, height: 30, view: 0 };

  const holdsCentre = (t: Rect, face: Rect) => t.x <= face.x + face.width / 2 && face.x + face.width / 2 < t.x + t.width && t.y <= face.y + face.height / 2 && face.y + face.height / 2 < t.y + t.height;
  const holdsWhole = (t: Rect, face: Rect) => t.x <= face.x && t.y <= face.y && t.x + t.width >= face.x + face.width && t.y + t.height >= face.y + face.height;

  const looked = (candidate: Rect, lookAt: TilesShowing = DEFAULT_ANALYSIS.lookAt) => hinted(tiles, [{ ...candidate, score: 1, view: 0 }], DEFAULT_ANALYSIS.hintScore, lookAt);

  it('looks at a face-like candidate in the tiles of each grid level holding it whole, not in those cutting it', () => {
    expect(new Set(looked(hint).map((t) => t.width)).size).toBe(guided.grids.length);
    expect(looked(hint).every((t) => holdsWhole(t, hint))).toBe(true);
    const cutting = tiles.filter((t) => holdsCentre(t, hint) && !holdsWhole(t, hint));
    expect(cutting.length).toBeGreaterThan(0);
    expect(looked(hint, 'centre')).toEqual(expect.arrayContaining(cutting));
  });

  it('looks at a small candidate in every tile of a level holding it whole: each a second look at it', () => {
    // Where four 4×4 tiles overlap.
    const small = { x: 800, y: 620, width: 30, height: 30 };
    const fourByFour = looked(small).filter((t) => t.width === Math.max(...tiles.map((u) => u.width)));
    expect(fourByFour).toHaveLength(4);
    expect(fourByFour.every((t) => holdsWhole(t, small))).toBe(true);
  });

  it('looks at a candidate no tile of a level holds whole in the one whose middle it lies nearest', () => {
    // Larger than a quarter of the 6×6 tiles (270 px): cut by each tile holding its centre.
    const large = { x: 885, y: 565, width: 150, height: 150 };
    const sixBySix = tiles.filter((t) => t.width === Math.min(...tiles.map((u) => u.width)));
    const holding = sixBySix.filter((t) => holdsCentre(t, large));
    expect(holding.length).toBeGreaterThan(1);
    expect(holding.some((t) => holdsWhole(t, large))).toBe(false);
    const middle = (t: Rect) => Math.hypot(t.x + t.width / 2 - 960, t.y + t.height / 2 - 640);
    const nearest = holding.reduce((a, b) => (middle(b) < middle(a) ? b : a));
    expect(looked(large).filter((t) => sixBySix.includes(t))).toEqual([nearest]);
  });

  it('leaves out the tiles a candidate only reaches into: they show a sliver of it', () => {
    const grazed = tiles.filter((t) => !holdsCentre(t, hint) && t.x < hint.x + hint.width && hint.x < t.x + t.width && t.y < hint.y + hint.height && hint.y < t.y + t.height);
    expect(grazed.length).toBeGreaterThan(0);
    for (const lookAt of ['whole', 'centre'] as const) expect(looked(hint, lookAt).filter((t) => grazed.includes(t))).toEqual([]);
  });

  it('is not sent anywhere by candidates scoring under the hint score', () => {
    expect(hinted(tiles, [{ ...hint, score: DEFAULT_ANALYSIS.hintScore - 0.01 }], DEFAULT_ANALYSIS.hintScore, DEFAULT_ANALYSIS.lookAt)).toEqual([]);
  });
});

describe('FaceBoxes closer', () => {
  it('cuts tiles smaller than its input, to be enlarged, but not below a quarter of it', () => {
    const tiles = regions({ width: 1024, height: 683 }, CLOSER_FACEBOXES, DEFAULT_ANALYSIS);
    expect(tiles.length).toBeGreaterThan(4);
    expect(tiles.every((t) => t.width < MODEL_INPUT_SIDE.faceBoxes / 2 && t.width >= MODEL_INPUT_SIDE.faceBoxes / 4)).toBe(true);
    // A small photo's 2×2 tiles would be enlarged more than four times: left to the whole-photo view.
    expect(regions({ width: 451, height: 300 }, CLOSER_FACEBOXES, DEFAULT_ANALYSIS)).toEqual([]);
  });

  it('is asked by "thorough" only', () => {
    expect(analysisFor('thorough').views).toContain(CLOSER_FACEBOXES);
    expect(analysisFor('balanced').views).not.toContain(CLOSER_FACEBOXES);
    expect(analysisFor('fewer-alarms').views).not.toContain(CLOSER_FACEBOXES);
  });
});
