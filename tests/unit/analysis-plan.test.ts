import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS } from '../../models/analysis-options';
import { regions, withinBudget } from '../../models/face-analyser';
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
    expect(count).toBe(112);
  });

  it('keeps a long screenshot within the budget by leaving out the finest levels first', () => {
    const { views, count } = firstPass(1080, 20160);
    expect(count).toBeLessThanOrEqual(DEFAULT_ANALYSIS.maxJobs);
    const kept = views.flatMap((v) => v.grids);
    expect(kept).toContain(2);
    expect(Math.max(...kept)).toBeLessThan(6);
  });

  it('looks at a banner or a single pixel once, whole', () => {
    expect(firstPass(4000, 50).count).toBe(1);
    expect(firstPass(1, 1).count).toBe(1);
  });
});
