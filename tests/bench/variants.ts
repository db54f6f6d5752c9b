import { type AnalysisOptions, DEFAULT_ANALYSIS } from '../../models/face-analyser';

export interface Variant {
  name: string;
  options: Partial<AnalysisOptions>;
}

/** The pipeline the extension ships. */
export const CHOSEN: Variant = { name: 'tiled (shipped)', options: DEFAULT_ANALYSIS };

/** What a tutorial does: one full-range pass over the full-resolution bitmap. */
export const NAIVE: Variant = {
  name: 'naive: one pass, full resolution',
  options: { workingSide: Infinity, inputSide: Infinity, tiling: { grids: [], overlap: 0 } },
};

/** Alternatives measured beside the shipped pipeline so the choice stays visible. */
export const ALTERNATIVES: Variant[] = [
  { name: 'one pass, 1920 px working copy', options: { tiling: { grids: [], overlap: 0 } } },
  { name: 'tiled 2x2+3x3+4x4', options: { tiling: { grids: [2, 3, 4], overlap: 0.25 } } },
];
