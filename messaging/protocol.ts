import type { Sensitivity } from '../models/analysis-options';
import type { Rect } from '../models/boxes';
import type { FaceAnalysis } from '../models/face-analyser';
import type { EncodedImage } from './carried-image';

export interface AnalysisRequest {
  image: EncodedImage;
  sensitivity: Sensitivity;
  /** Names the request, so that its sender can abandon it (see `Abandon`). */
  id?: string;
  /**
   * Only the regions overlapping these (in the photo's displayed pixels) are looked at: a photo
   * checked again after its pixels changed there only (its masks) needs nothing more.
   */
  within?: Rect[];
}

/**
 * A page (the guard's, the popup) holds a port of this name, followed by the analysis's `id`, open
 * while it waits: the port closes with the page, which then cannot send `abandon` itself. Before
 * closing it once answered, the page posts ANALYSIS_ANSWERED: nothing is left to abandon.
 */
export const ANALYSIS_PORT = 'analysis:';
export const ANALYSIS_ANSWERED = 'answered';

/** The analysis named `id` is no longer waited for: the detector stops it at its next round. */
export interface Abandon {
  id: string;
}

/**
 * `standIn`: for a photo the browser cannot decode (an iPhone's HEIC), which the extension decoded,
 * its thumbnail, and the name to ask for the photo by (see StandInRequest).
 */
export type AnalysisResult = { ok: true; analysis: FaceAnalysis; ms: number; standIn?: StandInNotice } | { ok: false; error: string };

export interface StandInNotice {
  id: string;
  thumbnail: EncodedImage;
}

/**
 * A photo the extension decoded, as the page can draw it: an upright JPEG at full size, without
 * metadata. Encoded once its faces are answered, and kept until asked for, once, or a minute.
 */
export interface StandInRequest {
  id: string;
}

export type StandInResult = { ok: true; image: EncodedImage } | { ok: false; error: string };

/**
 * Every message the extension's contexts exchange, by type: what it carries and what it answers.
 * `analyse`/`abandon`/`warm`/`stand-in` go from content scripts to the background; `detector:*`
 * from the background to the offscreen document that hosts the detector in Chrome.
 */
export interface Protocol {
  analyse: { request: AnalysisRequest; response: AnalysisResult };
  abandon: { request: Abandon; response: null };
  warm: { request: Record<string, never>; response: null };
  'stand-in': { request: StandInRequest; response: StandInResult };
  'detector:analyse': { request: AnalysisRequest; response: AnalysisResult };
  'detector:abandon': { request: Abandon; response: null };
  'detector:warm': { request: Record<string, never>; response: null };
  'detector:stand-in': { request: StandInRequest; response: StandInResult };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];
