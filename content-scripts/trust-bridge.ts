/**
 * Runs in the page's own JavaScript world. Some sites ignore events whose `isTrusted` is false,
 * and the guard's re-dispatched `change`, `drop` and `paste` are such events. While the guard
 * dispatches one (it marks the document with DELIVERING_ATTRIBUTE for that synchronous moment),
 * page listeners receive a view of the event whose `isTrusted` is true (and, in Firefox, whose
 * DataTransfer holds the chosen files); everything else passes through unchanged.
 */
export const DELIVERING_ATTRIBUTE = 'data-photo-guard-delivering';
/** Where Firefox's guard leaves the chosen files on the page's side of a re-made drop or paste. */
export const PAGE_FILES = 'photoGuardFiles';
/** And the plain text that came with them. */
export const PAGE_TEXT = 'photoGuardText';
const TRANSFERS = { drop: 'dataTransfer', paste: 'clipboardData' } as const;
const TYPES = new Set(['input', 'change', 'drop', 'dragleave', 'paste']);
/**
 * A cancelable event the guard dispatches on window to ask whether its deliveries reach the page:
 * the bridge cancels it when it came before the page's own scripts (see `installTrustBridge`).
 */
export const BRIDGE_QUESTION = 'photo-guard:bridge';
/** Marks a page the bridge is installed in: injected again (an update), it must not wrap twice. */
const INSTALLED = Symbol.for('photo-guard:trust-bridge');

type Listener = EventListenerOrEventListenerObject;

export function installTrustBridge(): void {
  if (INSTALLED in EventTarget.prototype) return;
  Object.defineProperty(EventTarget.prototype, INSTALLED, { value: true });
  const add = EventTarget.prototype.addEventListener;
  // Run as the document starts (the manifest's way), the bridge wraps every listener the page adds.
  // Injected into a page already open when the extension was installed, it cannot reach those the
  // page added before: a site ignoring untrusted events would never get the guard's.
  const beforePage = document.readyState === 'loading';
  add.call(window, BRIDGE_QUESTION, (event) => beforePage && event.preventDefault(), true);
  const remove = EventTarget.prototype.removeEventListener;
  const wrappers = new WeakMap<Listener, Map<string, EventListener>>();
  const key = (type: string, options?: boolean | EventListenerOptions) =>
    `${type}:${typeof options === 'boolean' ? options : !!options?.capture}`;

  // Firefox shows a page only the files its own code put in a DataTransfer: the one the guard made is
  // empty here, so the page's listeners get one made in this world from the files (and text) handed over.
  type Handed = Event & { [PAGE_FILES]?: FileList; [PAGE_TEXT]?: string };
  const transfers = new WeakMap<Event, DataTransfer>();
  const pageTransfer = (event: Handed, files: FileList) => {
    let data = transfers.get(event);
    if (!data) {
      data = new DataTransfer();
      for (const file of files) data.items.add(file);
      if (event[PAGE_TEXT]) data.setData('text/plain', event[PAGE_TEXT]);
      transfers.set(event, data);
    }
    return data;
  };

  const asTrusted = (event: Event): Event =>
    new Proxy(event, {
      get(target, property) {
        if (property === 'isTrusted') return true;
        const files = (target as Handed)[PAGE_FILES];
        if (files && property === TRANSFERS[target.type as keyof typeof TRANSFERS]) return pageTransfer(target, files);
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });

  const delivering = (event: Event) => !event.isTrusted && document.documentElement.hasAttribute(DELIVERING_ATTRIBUTE);
  const seen = (event: Event) => (delivering(event) ? asTrusted(event) : event);

  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (!listener || !TYPES.has(type)) return add.call(this, type, listener, options);
    const wrapped = function (this: unknown, event: Event) {
      return typeof listener === 'function' ? listener.call(this, seen(event)) : listener.handleEvent(seen(event));
    };
    const byKey = wrappers.get(listener) ?? new Map<string, EventListener>();
    wrappers.set(listener, byKey);
    const existing = byKey.get(key(type, options));
    if (!existing) byKey.set(key(type, options), wrapped);
    return add.call(this, type, existing ?? wrapped, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    const wrapped = listener ? wrappers.get(listener)?.get(key(type, options)) : undefined;
    return remove.call(this, type, wrapped ?? listener, options);
  };

  // A handler set as a property (`input.onchange = …`) or an HTML attribute is not added through
  // addEventListener. While the guard delivers, this first listener of all swaps each such handler
  // on the event's path, before it runs, for one that gets the same view (it keeps its place).
  const swapped = new WeakSet<object>();
  for (const type of TYPES) {
    add.call(window, type, (event) => {
      if (!delivering(event)) return;
      for (const node of event.composedPath() as unknown as Array<Record<string, unknown>>) {
        const handler = node[`on${type}`];
        if (typeof handler !== 'function' || swapped.has(handler)) continue;
        const swap = function (this: unknown, event: Event): unknown {
          return handler.call(this, seen(event));
        };
        swapped.add(swap);
        node[`on${type}`] = swap;
      }
    }, true);
  }
}
