import type { AnalysisResult, EncodedImage } from '../messaging/protocol';
import { type DetectorAssets, FaceAnalyser } from './face-analyser';

export interface DetectorService {
  analyse(image: EncodedImage): Promise<AnalysisResult>;
  warm(): Promise<null>;
}

export interface ServiceOptions {
  /** Release the model (tens of MB of wasm heap) after this long without a request. */
  idleMs: number;
  onRelease?: () => void;
}

/**
 * Owns the face analyser in whichever page hosts it (Chrome's offscreen document, Firefox's
 * background page): created on first need, kept while photos keep coming, released when idle.
 */
export function createDetectorService(assets: DetectorAssets, options: ServiceOptions): DetectorService {
  let analyser: Promise<FaceAnalyser> | null = null;
  let pending = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const acquire = (): Promise<FaceAnalyser> => {
    pending++;
    clearTimeout(idleTimer);
    analyser ??= FaceAnalyser.create(assets).catch((error: unknown) => {
      analyser = null;
      throw error;
    });
    return analyser;
  };
  const releaseLater = (): void => {
    if (--pending > 0) return;
    idleTimer = setTimeout(async () => {
      const current = analyser;
      analyser = null;
      (await current?.catch(() => null))?.close();
      options.onRelease?.();
    }, options.idleMs);
  };

  return {
    async warm() {
      try {
        await acquire();
      } finally {
        releaseLater();
      }
      return null;
    },
    async analyse(image) {
      const started = performance.now();
      try {
        const faces = await acquire();
        const blob = new Blob([Uint8Array.fromBase64(image.base64)], { type: image.type });
        const analysis = await faces.analyse(blob);
        return { ok: true, analysis, ms: Math.round(performance.now() - started) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      } finally {
        releaseLater();
      }
    },
  };
}
