const STYLE = `
  div { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: min(420px, calc(100vw - 32px));
        padding: 10px 16px; border-radius: 12px; background: #1f2933; color: #fff;
        font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); }
  p { margin: 0; }
  p + p { margin-top: 6px; }
`;

/** How long a notice of what was done stays on screen. */
const NOTICE_MS = 10_000;

/**
 * How long work goes on before a notice says so (see `statusNotice`'s `after`): most photos with
 * nothing to report pass in less, and a box that comes and goes within half a second reads as a
 * flicker (and a screen reader would announce it each time), not as information.
 */
export const WORK_NOTICE_DELAY_MS = 500;

export interface StatusNotice {
  /** Replaces the text (one paragraph per line). */
  show(lines: string[]): void;
  /** Leaves the last text on screen for a while, then removes it. */
  fade(): void;
  remove(): void;
}

/**
 * A small notice in the page's corner: "checking your photos…" while they are analysed, then what
 * was done without asking. It sits under a closed shadow root like the overlay, so the page cannot
 * read the photo names it may hold; it is removed when the content script is. With `after`, it
 * appears only once that many ms have passed since it was first shown (or last removed), with
 * the latest text then: work that ends sooner is never announced.
 */
export function statusNotice(signal: AbortSignal, { after = 0 }: { after?: number } = {}): StatusNotice {
  const host = document.createElement('photo-guard-status');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  shadow.append(style, box);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let appearing: ReturnType<typeof setTimeout> | undefined;
  const appear = () => {
    appearing = undefined;
    document.documentElement.append(host);
  };
  const remove = () => {
    clearTimeout(timer);
    clearTimeout(appearing);
    appearing = undefined;
    host.remove();
  };
  signal.addEventListener('abort', remove, { once: true });
  return {
    show(lines) {
      clearTimeout(timer);
      box.replaceChildren(...lines.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
      if (host.isConnected || appearing) return;
      if (after > 0) appearing = setTimeout(appear, after);
      else appear();
    },
    fade() {
      clearTimeout(timer);
      timer = setTimeout(remove, NOTICE_MS);
    },
    remove,
  };
}
