/** A selection the guard holds back from the page until the user has decided. */
export interface HeldSelection {
  files: File[];
  /** Hands these files to the page the way they came (input change, drop or paste). */
  deliver(files: File[]): void;
  /** Gives the page nothing (and lets the same file be picked again). */
  cancel(): void;
}

/** Re-dispatches one of the guard's own events; the page-world bridge makes it look trusted. */
export type Redispatch = (target: EventTarget, event: Event) => void;

const isImage = (file: File) => file.type.startsWith('image/');
const transfer = (files: File[]) => {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
};

/**
 * Stops every way an image enters the page — a file input's `input`/`change`, a `drop`, a
 * `paste` — in the capture phase on window, before any page listener (React listens on its root
 * container) sees it. Anything without an image (videos, text, documents) passes untouched.
 */
export function holdUploads(onHold: (selection: HeldSelection) => void, redispatch: Redispatch, signal: AbortSignal): void {
  const ours = new WeakSet<Event>();
  const heldInputs = new WeakSet<HTMLInputElement>();
  const send = (target: EventTarget, event: Event) => {
    ours.add(event);
    redispatch(target, event);
  };
  const listen = (type: string, handler: (event: Event) => void) =>
    window.addEventListener(type, (event) => ours.has(event) || handler(event), { capture: true, signal });

  const onInput = (event: Event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    if (heldInputs.has(input)) return event.stopImmediatePropagation(); // the `change` after the held `input`
    const files = Array.from(input.files ?? []);
    if (!files.some(isImage)) return;
    event.stopImmediatePropagation();
    heldInputs.add(input);
    onHold({
      files,
      deliver: (chosen) => {
        heldInputs.delete(input);
        input.files = transfer(chosen).files;
        send(input, new Event('input', { bubbles: true, composed: true }));
        send(input, new Event('change', { bubbles: true }));
      },
      cancel: () => {
        heldInputs.delete(input);
        input.value = '';
      },
    });
  };
  listen('input', onInput);
  listen('change', onInput);

  listen('drop', (event) => {
    const drop = event as DragEvent;
    const files = Array.from(drop.dataTransfer?.files ?? []);
    if (!files.some(isImage) || !drop.target) return;
    drop.preventDefault();
    drop.stopImmediatePropagation();
    const { target, clientX, clientY, screenX, screenY } = drop;
    const position = { clientX, clientY, screenX, screenY, bubbles: true, cancelable: true, composed: true };
    onHold({
      files,
      deliver: (chosen) => send(target, new DragEvent('drop', { ...position, dataTransfer: transfer(chosen) })),
      // The drop zone saw the drag come in; tell it the drag left, so it resets.
      cancel: () => send(target, new DragEvent('dragleave', { ...position, dataTransfer: new DataTransfer() })),
    });
  });

  listen('paste', (event) => {
    const paste = event as ClipboardEvent;
    const files = Array.from(paste.clipboardData?.files ?? []);
    if (!files.some(isImage) || !paste.target) return;
    paste.preventDefault();
    paste.stopImmediatePropagation();
    const { target } = paste;
    onHold({
      files,
      deliver: (chosen) =>
        send(target, new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: transfer(chosen) })),
      cancel: () => undefined,
    });
  });
}
