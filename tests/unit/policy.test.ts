import { describe, expect, it } from 'vitest';
import type { PhotoCheck } from '../../content-scripts/photo-check';
import { automaticProtection, fileNeedsAsking, needsAsking, overlayDefaults } from '../../content-scripts/policy';
import { DEFAULT_RULE, type SiteRule } from '../../settings/schema';

const face = { x: 10, y: 10, width: 40, height: 40, score: 0.9 };
const gps = { kind: 'gps' as const, value: '48.85837° N, 2.29448° E' };
const photo = (faces: number | null, metadata = false, animated = false): PhotoCheck => ({
  file: new File([], 'p.jpg', { type: 'image/jpeg' }),
  width: 100,
  height: 100,
  faces: faces === null ? null : Array.from({ length: faces }, () => face),
  metadata: { findings: metadata ? [gps] : [], orientation: 1, format: 'png', animated },
});
/** An animated GIF whose frames the detector read: `checked` of `total`. */
const gif = (faces: number, checked: number, total: number): PhotoCheck => ({
  ...photo(faces, false, true),
  metadata: { findings: [], orientation: 1, format: 'gif', animated: true },
  frames: { checked, total },
});
const rule = (change: Partial<SiteRule> = {}): SiteRule => ({ ...DEFAULT_RULE, ...change });

describe('needsAsking (warn mode)', () => {
  it('asks about faces, metadata and photos it could not read', () => {
    expect(needsAsking(photo(2), rule())).toBe(true);
    expect(needsAsking(photo(0, true), rule())).toBe(true);
    expect(needsAsking(photo(null), rule())).toBe(true);
    expect(needsAsking(photo(0), rule())).toBe(false);
  });

  it('asks about a photo whose details could not be read, unless the rule keeps them anyway', () => {
    const unread: PhotoCheck = { ...photo(0), metadata: null };
    expect(needsAsking(unread, rule({ metadata: 'ask' }))).toBe(true);
    expect(needsAsking(unread, rule({ metadata: 'remove' }))).toBe(true); // they could not be removed
    expect(needsAsking(unread, rule({ metadata: 'keep' }))).toBe(false);
  });

  it("asks about a motion photo's video even when the rule keeps the details", () => {
    const motion: PhotoCheck = { ...photo(0), metadata: { findings: [{ kind: 'video', value: '' }], orientation: 1, format: 'jpeg', animated: false } };
    expect(needsAsking(motion, rule({ metadata: 'keep' }))).toBe(true);
    expect(needsAsking(motion, rule({ metadata: 'ask' }))).toBe(true);
    expect(needsAsking(motion, rule({ metadata: 'remove' }))).toBe(false); // removed without a word, as asked
    expect(needsAsking(photo(0, true), rule({ metadata: 'keep' }))).toBe(false);
  });

  it('lets faces without metadata through when the rule says so', () => {
    const quiet = rule({ warnFacesWithoutMetadata: false });
    expect(needsAsking(photo(2), quiet)).toBe(false);
    expect(needsAsking(photo(2, true), quiet)).toBe(true);
    expect(needsAsking(photo(2, true), { ...quiet, metadata: 'remove' })).toBe(false);
  });

  it('asks about an animation only the first frame of which was checked, whatever that frame shows', () => {
    expect(needsAsking(photo(0, false, true), rule())).toBe(true);
    expect(needsAsking(photo(0, true, true), rule({ metadata: 'keep', warnFacesWithoutMetadata: false }))).toBe(true);
    expect(fileNeedsAsking(photo(0, false, true).metadata, rule())).toBe(true);
  });

  it('lets a GIF every frame of which shows nothing through, and asks about one checked in part', () => {
    expect(fileNeedsAsking(gif(0, 5, 5).metadata, rule())).toBe(false);
    // Known from the file: a long GIF opens the window before its frames are looked at.
    expect(fileNeedsAsking({ ...gif(0, 12, 40).metadata!, frames: 40 }, rule())).toBe(true);
    expect(needsAsking(gif(0, 5, 5), rule())).toBe(false);
    expect(needsAsking(gif(0, 12, 40), rule())).toBe(true);
    // Its frames could not be read after all (a damaged file): the browser's first frame was all.
    expect(needsAsking({ ...gif(0, 1, 1), frames: undefined }, rule())).toBe(true);
  });

  it('does not ask about metadata the rule always removes or always keeps', () => {
    expect(needsAsking(photo(0, true), rule({ metadata: 'remove' }))).toBe(false);
    expect(needsAsking(photo(0, true), rule({ metadata: 'keep' }))).toBe(false);
  });
});

describe('automaticProtection', () => {
  it("protect mode masks every face and removes metadata, or with a rule that keeps it a motion photo's video", () => {
    expect(automaticProtection(photo(2, true), rule({ mode: 'protect', maskStyle: 'pixelate' }))).toEqual({
      mask: true,
      style: 'pixelate',
      strip: true,
      faces: [true, true],
    });
    // Still the video of a motion photo: not one of the details the rule keeps.
    expect(automaticProtection(photo(1, true), rule({ mode: 'protect', metadata: 'keep' })).strip).toBe('video');
  });

  it('warn mode, unasked, only removes what the rule always removes', () => {
    expect(automaticProtection(photo(0, true), rule({ metadata: 'remove' }))).toMatchObject({ mask: false, strip: true });
    expect(automaticProtection(photo(0, true), rule())).toMatchObject({ mask: false, strip: false });
  });
});

describe('overlayDefaults', () => {
  it('starts with masking on when faces were found, and removal as the rule says', () => {
    expect(overlayDefaults([photo(1), photo(0, true)], rule())).toEqual({ mask: true, strip: true, style: 'fill' });
    expect(overlayDefaults([photo(0, true)], rule({ metadata: 'keep' }))).toEqual({ mask: false, strip: false, style: 'fill' });
  });

  it('offers to remove details that could not be read from a photo that can be drawn (by redrawing it), not from one that cannot', () => {
    expect(overlayDefaults([{ ...photo(0), metadata: null }], rule())).toMatchObject({ strip: true });
    expect(overlayDefaults([{ ...photo(null), metadata: null }], rule())).toMatchObject({ strip: false });
  });
});
