import { sendMessage } from '../messaging/channel';
import { watchUploads } from './upload-watch';

/** Reports each analysed photo in the console of the page's content-script context. */
export function startGuard(signal: AbortSignal): void {
  watchUploads(
    { analyse: (image) => sendMessage('analyse', { image }), warm: () => sendMessage('warm', {}) },
    ({ file, result }) =>
      console.info(
        result.ok
          ? `photo-guard: ${file.name}: ${result.analysis.faces.length} face(s) in ${result.ms} ms`
          : `photo-guard: ${file.name}: could not check this photo (${result.error})`,
      ),
    signal,
  );
}
