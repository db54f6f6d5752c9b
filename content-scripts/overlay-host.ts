import { browser } from 'wxt/browser';
import {
  type Decision,
  type HostMessage,
  type OverlayDefaults,
  type OverlayMessage,
  type OverlayPhoto,
  type OverlayRequest,
  PORT_MESSAGE,
  withPhoto,
} from './overlay/protocol';

const REMOVE_DELAY_MS = 250;

/**
 * The origin the overlay frame's document has. Chrome hands content scripts a per-session URL for
 * it (use_dynamic_url, so pages cannot probe for the extension), but the frame commits to the
 * extension's own origin; Firefox's extension URLs are per-install already. The port is posted to
 * exactly this origin: the page can navigate the frame, and must not receive the port if it does.
 */
const frameOrigin = () =>
  import.meta.env.FIREFOX ? new URL(browser.runtime.getURL('/')).origin : `chrome-extension://${browser.runtime.id}`;
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
 * Shows the decision overlay. The overlay is an extension page in an iframe under a closed shadow
 * root (as Bitwarden isolates its inline menu): the page cannot read the photos or the choice, nor
 * click the buttons. The two sides talk over a private MessageChannel, handed over with a one-time
 * token the page cannot see.
 */
export function openOverlay(initial: OverlayRequest, signal: AbortSignal): OverlaySession {
  const token = crypto.randomUUID();
  const host = document.createElement('photo-guard-overlay');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.setAttribute('style', FRAME_STYLE);
  frame.setAttribute('allow', '');
  frame.src = browser.runtime.getURL(`/overlay.html#${token}` as '/');
  shadow.append(frame);

  const channel = new MessageChannel();
  // Until the frame is ready, updates go into the request it will be shown.
  let request = initial;
  let ready = false;
  const post = (message: HostMessage) => channel.port1.postMessage(message);
  const update: OverlaySession['update'] = (index, photo, defaults) => {
    request = withPhoto(request, index, photo, defaults);
    if (ready) post({ type: 'photo', index, photo, defaults });
  };

  let finish: (choice: Decision) => void = () => undefined;
  const decision = new Promise<Decision>((resolve) => {
    finish = (choice: Decision) => {
      channel.port1.close();
      // Hidden at once; removed a moment later, once the click that decided has been fully
      // processed by the frame (removing a frame in the middle of its input event can stall it).
      host.style.display = 'none';
      setTimeout(() => host.remove(), REMOVE_DELAY_MS);
      resolve(choice);
    };
    channel.port1.onmessage = ({ data }: MessageEvent<OverlayMessage>) => {
      if (data.type === 'ready') {
        ready = true;
        post({ type: 'show', request });
      }
      if (data.type === 'decision') finish(data.decision);
    };
    frame.addEventListener(
      'load',
      () => {
        frame.contentWindow?.postMessage({ type: PORT_MESSAGE, token }, frameOrigin(), [channel.port2]);
        frame.focus();
      },
      { once: true },
    );
    signal.addEventListener('abort', () => finish({ action: 'cancel' }), { once: true });
  });
  document.documentElement.append(host);
  return { update, decision, close: () => finish({ action: 'cancel' }) };
}
