/**
 * A file input the page opens without putting it in the document — `document.createElement('input')`,
 * then `click()`, a common way to open the file dialog from a button — dispatches its events to
 * no one but its own listeners: the guard, listening on window, would never see its photos. The
 * page-world half (`attachDetachedInputs`, run before the page's scripts) puts such an input in the
 * document, hidden and marked, as it opens its dialog; the guard takes it out again once done.
 */
export const ATTACHED_ATTRIBUTE = 'data-photo-guard-attached';
/** Marks a page already patched: injected again (an update), it must not wrap twice. */
const PATCHED = Symbol.for('photo-guard:detached-inputs');

/** Runs in the page's world: `click()` and `showPicker()` of a detached file input attach it first. */
export function attachDetachedInputs(): void {
  const prototype = HTMLInputElement.prototype;
  if (PATCHED in prototype) return;
  Object.defineProperty(prototype, PATCHED, { value: true });
  for (const name of ['click', 'showPicker'] as const) {
    const original = prototype[name] as ((this: HTMLInputElement) => void) | undefined;
    if (!original) continue; // showPicker: Chrome 99, Firefox 101
    prototype[name] = function (this: HTMLInputElement) {
      if (this.type === 'file' && !this.isConnected) {
        this.setAttribute(ATTACHED_ATTRIBUTE, '');
        this.style.setProperty('display', 'none', 'important');
        (document.body ?? document.documentElement).append(this);
      }
      return original.call(this);
    };
  }
}

/**
 * Takes an input the page-world half attached out of the document again, as the page had it —
 * unless the page has meanwhile put it somewhere of its own (in a form, on its change).
 */
export function detachAgain(input: HTMLInputElement): void {
  if (!input.hasAttribute(ATTACHED_ATTRIBUTE)) return;
  input.removeAttribute(ATTACHED_ATTRIBUTE);
  input.style.removeProperty('display');
  if (!input.getAttribute('style')) input.removeAttribute('style');
  if (input.parentNode === (document.body ?? document.documentElement)) input.remove();
}
