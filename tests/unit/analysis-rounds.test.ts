import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS } from '../../models/analysis-options';
import type { ViewOptions } from '../../models/view-options';
import { detectInRounds } from '../../models/face-analyser';
import type { Candidate } from '../../models/merge';
import type { TileJob } from '../../models/tile-job';

const size = { width: 1200, height: 800 };
const FACE = { x: 500, y: 300, width: 60, height: 60 };
const holds = ({ region: r }: TileJob, face: typeof FACE) => r.x <= face.x && r.y <= face.y && r.x + r.width >= face.x + face.width && r.y + r.height >= face.y + face.height;
const named = ({ model, mirrored, around, upsideDown }: ViewOptions) => `${model}${mirrored ? ' mirrored' : ''}${around ? ' close' : ''}${upsideDown ? ' upside down' : ''}`;
/** The first round: the full-range model on the whole photo and its 2×2 tiles, and on the whole photo upside down. */
const FIRST = ['fullRange', 'fullRange upside down'];
const nameOf = (job: { view: number }) => named(DEFAULT_ANALYSIS.views[job.view]!);

/**
 * A photo with one face that the full-range model sees weakly on the whole photo (`fullRange`, 0.6
 * by default: not enough alone; at `fullRangeAt` if given, instead of on the face), FaceBoxes as
 * `faceBoxes` says (close up, at that face, and at a neighbour 100 px to its right), the
 * short-range model as `shortRange` says, the full-range model on the whole photo upside down
 * (mirrored or not) as `upsideDown` says (nothing by default); the views each call asked recorded. Unless
 * `answersWhole`, a call for FaceBoxes' whole-photo pass alone is never answered.
 */
interface Seen {
  shortRange: number | null;
  fullRange?: number | null;
  fullRangeAt?: typeof FACE;
  faceBoxes?: number;
  upsideDown?: number | null;
  face?: typeof FACE;
  answersWhole?: boolean;
}

async function rounds({ shortRange, fullRange = 0.6, fullRangeAt, faceBoxes = 0.9, upsideDown = null, face = FACE, answersWhole = true }: Seen) {
  const calls: string[][] = [];
  const jobs: TileJob[] = [];
  const sees = (job: TileJob): number | null => {
    if (job.model === 'faceBoxes') return faceBoxes;
    if (job.model === 'shortRange') return holds(job, face) ? shortRange : null;
    if (job.upsideDown) return upsideDown;
    return !job.mirrored && job.region.width === size.width ? fullRange : null;
  };
  const detect = async (asked: TileJob[]): Promise<Candidate[]> => {
    calls.push([...new Set(asked.map(nameOf))].sort());
    jobs.push(...asked);
    if (!answersWhole && calls.at(-1)!.join() === 'faceBoxes') await new Promise(() => undefined);
    return asked.flatMap((job) => {
      const score = sees(job);
      if (score === null) return [];
      const neighbour = nameOf(job) === 'faceBoxes close' ? [{ ...face, x: face.x + 100, score, view: job.view }] : [];
      const at = job.model === 'fullRange' && fullRangeAt ? fullRangeAt : face;
      return [{ ...at, score, view: job.view, seenIn: job.region }, ...neighbour];
    });
  };
  const candidates = await detectInRounds(detect, size, DEFAULT_ANALYSIS, () => true);
  return { calls, jobs, counted: (name: string) => candidates.filter((c) => nameOf(c) === name) };
}

describe('the rounds of an analysis', () => {
  it('asks FaceBoxes beside the guided round when a face is undecided already, and the mirrored view after', async () => {
    const { calls, counted } = await rounds({ shortRange: null });
    expect(calls).toEqual([FIRST, ['faceBoxes'], ['shortRange'], ['faceBoxes close', 'fullRange', 'fullRange mirrored']]);
    expect(counted('faceBoxes')).toHaveLength(1);
  });

  it('neither counts nor waits for its answer when the guided round decided the face', async () => {
    const { calls, counted } = await rounds({ shortRange: 0.7, answersWhole: false });
    expect(calls).toEqual([FIRST, ['faceBoxes'], ['shortRange']]);
    expect(counted('faceBoxes')).toHaveLength(0);
    expect(counted('shortRange').length).toBeGreaterThan(0);
  });

  it('asks it last when the face was first seen in the guided round', async () => {
    // Seen at 0.3 only on the whole photo: a hint for the short-range model, not yet a face.
    const { calls, counted } = await rounds({ shortRange: 0.5, fullRange: 0.3 });
    expect(calls).toEqual([FIRST, ['shortRange'], ['faceBoxes', 'faceBoxes close', 'fullRange', 'fullRange mirrored']]);
    expect(counted('faceBoxes')).toHaveLength(1);
  });

  it('has the mirrored view confirm only faces the full-range model saw something of', async () => {
    // The short-range model finds the face beside a weak full-range hint (0.3, not a face itself),
    // in a tile holding both: the full-range model saw nothing of it, mirrored it would not either.
    const beside = { ...FACE, x: FACE.x + 60 };
    const { calls } = await rounds({ shortRange: 0.5, fullRange: 0.3, fullRangeAt: beside });
    expect(calls.at(-1)).toEqual(['faceBoxes', 'faceBoxes close', 'fullRange']);
    expect((await rounds({ shortRange: 0.5, fullRange: 0.3 })).calls.at(-1)).toContain('fullRange mirrored');
  });

  it('has the mirrored view look again only at the tiles where the full-range model saw something of the face', async () => {
    // Seen unmirrored on the whole photo only: the mirrored whole photo is looked at, its 2×2 tiles
    // are not; its 3×3 tiles, not shown unmirrored before the last round, are.
    const { jobs } = await rounds({ shortRange: null });
    const mirrored = jobs.filter((job) => nameOf(job) === 'fullRange mirrored').map((job) => job.region.width);
    expect(mirrored).toContain(size.width);
    expect(mirrored.some((width) => width > size.height / 2 && width < size.width)).toBe(false);
    expect(mirrored.some((width) => width < size.height / 2)).toBe(true);
  });

  it('asks nothing more of a photo where no view saw a trace of a face', async () => {
    const { calls } = await rounds({ shortRange: null, fullRange: null });
    expect(calls).toEqual([FIRST]);
  });

  it('looks at the full-range 3×3 tiles only to confirm: those holding an undecided face, last', async () => {
    const { jobs } = await rounds({ shortRange: null });
    const fullRange = jobs.filter((job) => nameOf(job) === 'fullRange');
    // The whole photo and its 2×2 tiles are over half its height; its 3×3 tiles are under.
    const threeByThree = fullRange.filter((job) => job.region.width < size.height / 2);
    expect(threeByThree.length).toBeGreaterThan(0);
    // Of the tiles holding its centre, those holding it whole: one of them cuts it.
    expect(threeByThree.every((job) => holds(job, FACE))).toBe(true);
    expect(jobs.filter((job) => nameOf(job) === 'fullRange mirrored').every((job) => holds(job, FACE))).toBe(true);
    // Decided by the guided round: no 3×3 tile is looked at.
    expect((await rounds({ shortRange: 0.7 })).jobs.filter((job) => nameOf(job) === 'fullRange')).toHaveLength(fullRange.length - threeByThree.length);
  });

  it("has FaceBoxes look close at an undecided face: a square four times its side, centred on it", async () => {
    const { jobs } = await rounds({ shortRange: null });
    const close = jobs.filter((job) => nameOf(job) === 'faceBoxes close');
    expect(close).toHaveLength(1);
    expect(close[0]).toMatchObject({ region: { x: 410, y: 210, width: 240, height: 240 }, inputSide: 256, enlarged: true });
  });

  it('does not look close at a face FaceBoxes saw at 64 px or more over the whole photo', async () => {
    // 80 px in the photo, 68 px in the whole photo as FaceBoxes sees it (1024 of 1200 px).
    const { jobs } = await rounds({ shortRange: null, face: { ...FACE, width: 80, height: 80 } });
    expect(jobs.filter((job) => nameOf(job) === 'faceBoxes close')).toHaveLength(0);
  });

  it('does not ask FaceBoxes over the whole photo about a face too small for it to find there', async () => {
    // 20 px in the photo, 17 px in the whole photo as FaceBoxes sees it (1024 of 1200 px): under
    // what its smallest anchor learnt to find. Its close look is for such faces.
    const { calls } = await rounds({ shortRange: null, face: { ...FACE, width: 20, height: 20 } });
    expect(calls).toEqual([FIRST, ['shortRange'], ['faceBoxes close', 'fullRange', 'fullRange mirrored']]);
  });

  it('shows FaceBoxes, asked last, the whole photo only as large as the face needs to be 40 px', async () => {
    const last = await rounds({ shortRange: 0.5, fullRange: 0.3 });
    // The 60 px face at 40 px: the 1200 px photo at 800 px.
    expect(last.jobs.find((job) => nameOf(job) === 'faceBoxes')).toMatchObject({ inputSide: 800 });
    // Asked early, the faces the short-range round will add are not known yet: the photo at 1024 px.
    const early = await rounds({ shortRange: null });
    expect(early.calls[1]).toEqual(['faceBoxes']);
    expect(early.jobs.find((job) => nameOf(job) === 'faceBoxes')).toMatchObject({ inputSide: 1024 });
  });

  it('counts a face seen upside down when the mirrored photo upside down agrees, asking no upright view about it', async () => {
    const { calls, counted } = await rounds({ shortRange: null, fullRange: null, faceBoxes: 0.1, upsideDown: 0.8 });
    // FaceBoxes and the upright tiles see faces upright only: they are no second opinion on it.
    expect(calls).toEqual([FIRST, ['fullRange mirrored upside down']]);
    expect(counted('fullRange mirrored upside down')).toHaveLength(1);
  });

  it('neither guides the short-range model by what it saw upside down nor asks the mirror about what it saw weakly so', async () => {
    // Seen upside down at 0.5: a hint for an upside-down view, not for the upright short-range
    // model, and under the 0.7 an upside-down view counts from.
    expect((await rounds({ shortRange: 0.5, fullRange: null, upsideDown: 0.5 })).calls).toEqual([FIRST]);
    // An upright face left undecided: the upside-down mirror is asked only where upside down saw 0.7.
    expect((await rounds({ shortRange: null, upsideDown: 0.5 })).calls.at(-1)).not.toContain('fullRange mirrored upside down');
  });

  it('counts a close look only where it is sure, and only about the face it was centred on', async () => {
    const sure = (await rounds({ shortRange: null, faceBoxes: 0.85 })).counted('faceBoxes close');
    expect(sure.map((c) => c.x)).toEqual([FACE.x]);
    expect((await rounds({ shortRange: null, faceBoxes: 0.75 })).counted('faceBoxes close')).toHaveLength(0);
  });
});
