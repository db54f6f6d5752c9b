/** A selection the guard holds back from the page until the user has decided. */
export interface HeldSelection {
  files: File[];
  /** Hands these files to the input as if the user had picked them. */
  deliver(files: File[]): void;
  /** Gives the page nothing, and lets the same file be picked again. */
  cancel(): void;
}

const isImage = (file: File) => file.type.startsWith('image/');

/**
 * Stops a file input's `input` and `change` events in the capture phase on window, before any
 * page listener (React listens on its root container) sees them, whenever the selection holds an
 * image. Selections without images (videos, documents) pass untouched.
 */
export function holdFileInputs(onHold: (selection: HeldSelection) => void, signal: AbortSignal): void {
  const held = new WeakSet<HTMLInputElement>();
  const ours = new WeakSet<Event>();

  const deliver = (input: HTMLInputElement, files: File[]) => {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.files = transfer.files;
    for (const type of ['input', 'change']) {
      const event = new Event(type, { bubbles: true, composed: type === 'input' });
      ours.add(event);
      input.dispatchEvent(event);
    }
  };

  const intercept = (event: Event) => {
    const input = event.target;
    if (ours.has(event) || !(input instanceof HTMLInputElement) || input.type !== 'file') return;
    if (held.has(input)) {
      event.stopImmediatePropagation(); // the `change` that follows the held `input`
      return;
    }
    const files = Array.from(input.files ?? []);
    if (!files.some(isImage)) return;
    event.stopImmediatePropagation();
    held.add(input);
    onHold({
      files,
      deliver: (chosen) => {
        held.delete(input);
        deliver(input, chosen);
      },
      cancel: () => {
        held.delete(input);
        input.value = '';
      },
    });
  };
  for (const type of ['input', 'change']) window.addEventListener(type, intercept, { capture: true, signal });
}
