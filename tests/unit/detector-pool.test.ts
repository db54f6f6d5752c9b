import { describe, expect, it } from 'vitest';
import { poolSize, shareJobs } from '../../models/detector-pool';
import { JOB_COST, type TileJob } from '../../models/tile-job';

const job = (model: TileJob['model'], view = 0): TileJob => ({ region: { x: 0, y: 0, width: 10, height: 10 }, model, mirrored: false, inputSide: 256, view });
const load = (jobs: TileJob[]) => jobs.reduce((sum, j) => sum + JOB_COST[j.model], 0);

describe('shareJobs', () => {
  it('gives every job to exactly one worker', () => {
    const jobs = [...Array.from({ length: 22 }, () => job('fullRange')), ...Array.from({ length: 78 }, () => job('shortRange', 2))];
    const shares = shareJobs(jobs, 3);
    expect(shares).toHaveLength(3);
    expect(shares.flat()).toHaveLength(jobs.length);
    expect(new Set(shares.flat())).toEqual(new Set(jobs));
  });

  it('balances the cost, not the count, of the jobs', () => {
    const jobs = [...Array.from({ length: 4 }, () => job('fullRange')), ...Array.from({ length: 10 }, () => job('shortRange'))];
    const loads = shareJobs(jobs, 2).map(load);
    expect(Math.abs(loads[0]! - loads[1]!)).toBeLessThanOrEqual(JOB_COST.fullRange);
    expect(loads[0]! + loads[1]!).toBe(load(jobs));
  });

  it('leaves workers idle when there are fewer jobs than workers', () => {
    expect(shareJobs([job('fullRange')], 4).filter((share) => share.length)).toHaveLength(1);
  });
});

describe('poolSize', () => {
  it('uses one worker per core, at least one and at most four', () => {
    expect([0, 1, 2, 8].map((cores) => poolSize(cores))).toEqual([1, 1, 2, 4]);
  });
});
