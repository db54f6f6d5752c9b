import { describe, expect, it } from 'vitest';
import { analysisFor, DEFAULT_ANALYSIS } from '../../models/analysis-options';
import { CLOSER_FACEBOXES, MODEL_INPUT_SIDE } from '../../models/view-options';
import { hinted, regions, withinBudget } from '../../models/view-regions';
import { workingScale } from '../../models/tiling';

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

  it('looks only at the tiles a face-like candidate lies on', () => {
    const looked = hinted(tiles, [{ ...hint, score: DEFAULT_ANALYSIS.hintScore }], DEFAULT_ANALYSIS.hintScore);
    expect(looked.length).toBeGreaterThan(0);
    expect(looked.length).toBeLessThan(tiles.length / 10);
    // Every tile holding the candidate whole is among them: the face gets its close look.
    const holding = tiles.filter((t) => t.x <= hint.x && t.y <= hint.y && t.x + t.width >= hint.x + hint.width && t.y + t.height >= hint.y + hint.height);
    expect(holding.length).toBeGreaterThan(0);
    expect(looked).toEqual(expect.arrayContaining(holding));
  });

  it('leaves out the tiles a candidate only reaches into: they show a sliver of it', () => {
    const centre = { x: hint.x + hint.width / 2, y: hint.y + hint.height / 2 };
    const holds = (t: { x: number; y: number; width: number; height: number }) => t.x <= centre.x && centre.x < t.x + t.width && t.y <= centre.y && centre.y < t.y + t.height;
    const grazed = tiles.filter((t) => !holds(t) && t.x < hint.x + hint.width && hint.x < t.x + t.width && t.y < hint.y + hint.height && hint.y < t.y + t.height);
    expect(grazed.length).toBeGreaterThan(0);
    const looked = hinted(tiles, [{ ...hint, score: DEFAULT_ANALYSIS.hintScore }], DEFAULT_ANALYSIS.hintScore);
    expect(looked.filter((t) => grazed.includes(t))).toEqual([]);
  });

  it('is not sent anywhere by candidates scoring under the hint score', () => {
    expect(hinted(tiles, [{ ...hint, score: DEFAULT_ANALYSIS.hintScore - 0.01 }], DEFAULT_ANALYSIS.hintScore)).toEqual([]);
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
