import {
  type Decision,
  type HostMessage,
  type OverlayDefaults,
  type OverlayMessage,
  type OverlayPhoto,
  type OverlayRequest,
  withPhoto,
} from './overlay/protocol';
import { privateFrame } from './private-frame';

const REMOVE_DELAY_MS = 250;

const FRAME_STYLE = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;margin:0;z-index:2147483647;background:transparent;color-scheme:normal';

/** The overlay on screen: photos still being checked are added as their results come. */
export interface OverlaySession {
  update(index: number, photo: OverlayPhoto, defaults: OverlayDefaults): void;
  /** The user's choice; an abort cancels. */
  decision: Promise<Decision>;
  /** Takes the overlay away as a cancel would (the checking failed). */
  close(): void;
}

/**
 * Shows the decision overlay, an extension page in a private frame (see private-frame.ts): the
 * page cannot read the photos or the choice, nor click the buttons.
 */
export function openOverlay(initial: OverlayRequest, signal: AbortSignal): OverlaySession {
  const { host, frame, port } = privateFrame('/overlay.html', 'photo-guard-overlay', FRAME_STYLE);
  // Until the frame is ready, updates go into the request it will be shown.
  let request = initial;
  let ready = false;
  const post = (message: HostMessage) => port.postMessage(message);
  const update: OverlaySession['update'] = (index, photo, defaults) => {
    request = withPhoto(request, index, photo, defaults);
    if (ready) post({ type: 'photo', index, photo, defaults });
  };

  let finish: (choice: Decision) => void = () => undefined;
  const decision = new Promise<Decision>((resolve) => {
    finish = (choice: Decision) => {
      port.close();
      // Hidden at once; removed a moment later, once the click that decided has been fully
      // processed by the frame (removing a frame in the middle of its input event can stall it).
      host.style.display = 'none';
      setTimeout(() => host.remove(), REMOVE_DELAY_MS);
      resolve(choice);
    };
    port.onmessage = ({ data }: MessageEvent<OverlayMessage>) => {
      if (data.type === 'ready') {
        ready = true;
        post({ type: 'show', request });
      }
      if (data.type === 'decision') finish(data.decision);
    };
    frame.addEventListener('load', () => frame.focus(), { once: true });
    signal.addEventListener('abort', () => finish({ action: 'cancel' }), { once: true });
  });
  document.documentElement.append(host);
  return { update, decision, close: () => finish({ action: 'cancel' }) };
}
