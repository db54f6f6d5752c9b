import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS } from '../../models/analysis-options';
import { detectInRounds } from '../../models/face-analyser';
import type { Candidate } from '../../models/merge';
import type { TileJob } from '../../models/tile-job';

const size = { width: 1200, height: 800 };
const face = { x: 500, y: 300, width: 60, height: 60 };
const holdsFace = ({ region: r }: TileJob) => r.x <= face.x && r.y <= face.y && r.x + r.width >= face.x + face.width && r.y + r.height >= face.y + face.height;

/**
 * A photo with one face that the full-range model sees weakly on the whole photo (0.6: not enough
 * alone), FaceBoxes well, the short-range model as `shortRange` says; each call's models recorded.
 */
async function rounds(shortRange: number | null, fullRange: number | null = 0.6) {
  const calls: string[][] = [];
  const sees = (job: TileJob): number | null => {
    if (job.model === 'faceBoxes') return 0.9;
    if (job.model === 'shortRange') return holdsFace(job) ? shortRange : null;
    return !job.mirrored && job.region.width === size.width ? fullRange : null;
  };
  const detect = async (jobs: TileJob[]): Promise<Candidate[]> => {
    calls.push([...new Set(jobs.map((job) => `${job.model}${job.mirrored ? ' mirrored' : ''}`))].sort());
    return jobs.flatMap((job) => {
      const score = sees(job);
      return score === null ? [] : [{ ...face, score, view: job.view }];
    });
  };
  const candidates = await detectInRounds(detect, size, DEFAULT_ANALYSIS, () => true);
  const views = (model: TileJob['model']) => DEFAULT_ANALYSIS.views.flatMap((view, index) => (view.model === model ? [index] : []));
  return { calls, counted: (model: TileJob['model']) => candidates.filter((c) => views(model).includes(c.view)).length };
}

describe('the rounds of an analysis', () => {
  it('asks FaceBoxes alongside the guided round when a face is undecided already, and the mirrored view after', async () => {
    const { calls, counted } = await rounds(null);
    expect(calls).toEqual([['fullRange'], ['fullRange'], ['faceBoxes', 'shortRange'], ['fullRange mirrored']]);
    expect(counted('faceBoxes')).toBe(1);
  });

  it('does not count its answer when the guided round decided the face', async () => {
    const { calls, counted } = await rounds(0.7);
    expect(calls).toEqual([['fullRange'], ['fullRange'], ['faceBoxes', 'shortRange']]);
    expect(counted('faceBoxes')).toBe(0);
    expect(counted('shortRange')).toBeGreaterThan(0);
  });

  it('asks it last when the face was first seen in the guided round', async () => {
    // Seen at 0.3 only on the whole photo: a hint for the short-range model, not yet a face.
    const { calls, counted } = await rounds(0.5, 0.3);
    expect(calls).toEqual([['fullRange'], ['fullRange'], ['shortRange'], ['faceBoxes', 'fullRange mirrored']]);
    expect(counted('faceBoxes')).toBe(1);
  });

  it('asks nothing more of a photo where no view saw a trace of a face', async () => {
    const { calls } = await rounds(null, null);
    expect(calls).toEqual([['fullRange']]);
  });
});
