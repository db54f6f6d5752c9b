import { browser } from 'wxt/browser';
import { PORT_MESSAGE } from './frame-port';

/**
 * The origin an extension frame's document has. Chrome hands content scripts a per-session URL for
 * it (use_dynamic_url, so pages cannot probe for the extension), but the frame commits to the
 * extension's own origin; Firefox's extension URLs are per-install already. The port is posted to
 * exactly this origin: the page can navigate the frame, and must not receive the port if it does.
 */
const frameOrigin = () =>
  import.meta.env.FIREFOX ? new URL(browser.runtime.getURL('/')).origin : `chrome-extension://${browser.runtime.id}`;

/** An extension page framed into the page, and the content script's end of the channel to it. */
export interface PrivateFrame {
  /** In the document: the frame is under its closed shadow root. */
  host: HTMLElement;
  frame: HTMLIFrameElement;
  port: MessagePort;
  /**
   * False once the page removed the host, or moved it: the page cannot reach the frame (a closed
   * shadow root's frames are not among its frames), but a move makes the frame a new window, loaded
   * again without its port. Seen at once by the window's identity; its load comes later.
   */
  inPlace(): boolean;
}

/**
 * Frames one of the extension's pages under a closed shadow root (as Bitwarden isolates its inline
 * menu), so the page cannot reach into it, and hands it a private MessageChannel once it loads,
 * with a one-time token the page cannot see (see acceptHostPort). The host goes at the end of the
 * document, outside the page's own containers.
 */
export function privateFrame(path: '/overlay.html' | '/courier.html', tag: string, style: string): PrivateFrame {
  const token = crypto.randomUUID();
  const host = document.createElement(tag);
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.setAttribute('style', style);
  frame.setAttribute('allow', '');
  frame.src = browser.runtime.getURL(`${path}#${token}` as '/');
  shadow.append(frame);
  const channel = new MessageChannel();
  frame.addEventListener(
    'load',
    () => frame.contentWindow?.postMessage({ type: PORT_MESSAGE, token }, frameOrigin(), [channel.port2]),
    { once: true },
  );
  document.documentElement.append(host);
  const framed = frame.contentWindow;
  return { host, frame, port: channel.port1, inPlace: () => host.isConnected && frame.contentWindow === framed };
}
