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

export interface OverlayWindows {
  /** Loads the next window's frame, hidden, if none is loaded. */
  prepare(): void;
  /** Shows a window (see showOverlay); `signal`: an abort cancels. */
  open(initial: OverlayRequest, signal: AbortSignal): OverlaySession;
}

/** A decision window's frame, loaded hidden ahead of its first photo, or as it is shown. */
interface OverlayFrame {
  host: HTMLElement;
  frame: HTMLIFrameElement;
  port: MessagePort;
  /** Its document has taken the port. */
  ready: boolean;
  loaded: boolean;
  /** Where its messages go, once shown. */
  listener: (message: OverlayMessage) => void;
  /** See PrivateFrame. */
  inPlace(): boolean;
}

function overlayFrame(hidden: boolean): OverlayFrame {
  const { host, frame, port, inPlace } = privateFrame('/overlay.html', 'photo-guard-overlay', FRAME_STYLE);
  if (hidden) host.style.display = 'none';
  const loading: OverlayFrame = { host, frame, port, ready: false, loaded: false, listener: () => undefined, inPlace };
  frame.addEventListener('load', () => (loading.loaded = true), { once: true });
  port.onmessage = ({ data }: MessageEvent<OverlayMessage>) => {
    if (data.type === 'ready') loading.ready = true;
    loading.listener(data);
  };
  return loading;
}

/**
 * Decision windows for one content script. Loading the window's page takes ~80 ms, which the user
 * waited for after the photo's check: `prepare` loads one hidden ahead, which the next window
 * shows at once; one the page removed or moved is replaced by a new one, loaded as it is shown.
 */
export function overlayWindows(signal: AbortSignal): OverlayWindows {
  let spare: OverlayFrame | null = null;
  const drop = () => {
    spare?.port.close();
    spare?.host.remove();
    spare = null;
  };
  signal.addEventListener('abort', drop, { once: true });
  const prepare = () => {
    if (spare && !spare.inPlace()) drop();
    if (!spare && !signal.aborted) spare = overlayFrame(true);
  };
  const open = (initial: OverlayRequest, session: AbortSignal): OverlaySession => {
    if (spare && !spare.inPlace()) drop();
    const shown = spare ?? overlayFrame(false);
    spare = null;
    return showOverlay(shown, initial, session);
  };
  return { prepare, open };
}

/**
 * Shows the decision overlay, an extension page in a private frame (see private-frame.ts): the
 * page cannot read the photos or the choice, nor click the buttons.
 */
function showOverlay(shown: OverlayFrame, initial: OverlayRequest, signal: AbortSignal): OverlaySession {
  const { host, frame, port } = shown;
  // Until the frame is ready, updates go into the request it will be shown.
  let request = initial;
  const post = (message: HostMessage) => port.postMessage(message);
  const update: OverlaySession['update'] = (index, photo, defaults) => {
    request = withPhoto(request, index, photo, defaults);
    if (shown.ready) post({ type: 'photo', index, photo, defaults });
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
    shown.listener = (message) => {
      if (message.type === 'ready') post({ type: 'show', request });
      if (message.type === 'decision') finish(message.decision);
    };
    signal.addEventListener('abort', () => finish({ action: 'cancel' }), { once: true });
  });
  host.style.display = '';
  if (shown.ready) post({ type: 'show', request });
  if (shown.loaded) frame.focus();
  else frame.addEventListener('load', () => frame.focus(), { once: true });
  return { update, decision, close: () => finish({ action: 'cancel' }) };
}
