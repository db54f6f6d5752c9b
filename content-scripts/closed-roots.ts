/**
 * Closed shadow roots, which a content script may open where page scripts cannot: Chrome's `dom`
 * API, Firefox's `openOrClosedShadowRoot` (content scripts only). An event from inside one reaches
 * window retargeted to its host: its composed path, seen from there, stops at the host.
 */
type Opener = (element: Element) => ShadowRoot | null;
interface ChromeDom {
  chrome?: { dom?: { openOrClosedShadowRoot?: Opener } };
}
interface FirefoxElement {
  openOrClosedShadowRoot?: ShadowRoot | null;
}

/** The element's shadow root, open or closed; null when it has none or this browser cannot say. */
export function anyRootOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  const firefox = (element as FirefoxElement).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const open = (globalThis as ChromeDom).chrome?.dom?.openOrClosedShadowRoot;
  try {
    return open?.(element) ?? null;
  } catch {
    return null; // not an element that can host one
  }
}

/**
 * The shadow roots an event went through inside closed ones, and the element it was aimed at
 * there: found again root by root under `point` (a drop, a click), or as each root's focused
 * element (a paste, a focus). `from`: where its composed path starts, as window sees it.
 */
export function inClosedRoots(from: EventTarget, point?: { clientX: number; clientY: number }): { target: EventTarget; roots: ShadowRoot[] } {
  const roots: ShadowRoot[] = [];
  let target = from;
  for (let root = target instanceof Element ? anyRootOf(target) : null; root && !roots.includes(root); root = target instanceof Element ? anyRootOf(target) : null) {
    roots.push(root);
    const inner = point ? root.elementFromPoint(point.clientX, point.clientY) : root.activeElement;
    if (!inner || inner === target) break;
    target = inner;
  }
  return { target, roots };
}

/**
 * Where a real pointer event happened, to find its target again inside closed roots; none for a
 * focus, a paste, or a page script's `click()` (at 0,0), whose target is the focused element.
 */
export const pointerOf = (event: Event): MouseEvent | undefined => (event instanceof MouseEvent && event.isTrusted ? event : undefined);
