import { inClosedRoots, pointerOf } from './closed-roots';
import { detachAgain } from './detached-inputs';
import { droppedFolders, filesInFolders } from './dropped-folders';
import { withPageFiles } from './page-files';
import { type PasteByDefault, pasteByDefault } from './paste-default';

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

/**
 * Photo formats by name, for files the browser gave no type: Chromium on Linux types "IMG_0001.heic"
 * but not an iPhone's "IMG_0001.HEIC", which must not slip past unchecked.
 */
const IMAGE_NAME = /\.(jpe?g|jfif|png|apng|webp|gif|avif|hei[cf]|bmp|tiff?|jxl|dng)$/i;
const UNTYPED = ['', 'application/octet-stream'];
export const isImage = (file: File) => file.type.startsWith('image/') || (UNTYPED.includes(file.type) && IMAGE_NAME.test(file.name));
const BUBBLING = { bubbles: true, cancelable: true, composed: true } as const;
const transfer = (files: File[]) => {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
};

/**
 * Stops every way an image enters the page — a file input's `input`/`change`, a `drop`, a
 * `paste` — in the capture phase on window, before any page listener (React listens on its root
 * container) sees it. Anything without an image (videos, text, documents) passes untouched, and so
 * does everything while `holding` says no (the site's rule is off).
 */
export function holdUploads(
  holding: () => boolean,
  onHold: (selection: HeldSelection) => void,
  redispatch: Redispatch,
  signal: AbortSignal,
): void {
  const ours = new WeakSet<Event>();
  // Per input, the file list of the selection held there: its `change` follows its `input` and is
  // held with it, while a new pick on the same input is a new selection. Held, the input itself
  // is emptied: a page reading its `files` (not waiting for the event) finds no photo.
  const heldLists = new WeakMap<HTMLInputElement, FileList>();
  const send = (target: EventTarget, event: Event) => {
    ours.add(event);
    redispatch(target, event);
  };
  /** Files handed to a file input as a pick would: its `files`, then its `input` and `change`. */
  const giveInput = (input: HTMLInputElement, files: File[]) => {
    input.files = transfer(files).files;
    send(input, new Event('input', { bubbles: true, composed: true }));
    send(input, new Event('change', { bubbles: true }));
  };
  const listen = (type: string, handler: (event: Event) => void, on: EventTarget = window) =>
    on.addEventListener(type, (event) => ours.has(event) || handler(event), { capture: true, signal });

  const onInput = (event: Event) => {
    // Not `target`: an input in a web component's (open) shadow root reaches window as its host.
    const input = event.composedPath()[0];
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    const list = input.files;
    const held = heldLists.get(input);
    if (list && held && (list === held || !list.length)) return event.stopImmediatePropagation();
    const files = Array.from(list ?? []);
    if (!list || !files.some(isImage) || !holding()) {
      // Not held: its own listeners get its events, detached as the page made it.
      queueMicrotask(() => detachAgain(input));
      return;
    }
    event.stopImmediatePropagation();
    heldLists.set(input, list);
    input.files = transfer([]).files;
    const release = () => heldLists.get(input) === list && heldLists.delete(input);
    onHold({
      files,
      deliver: (chosen) => {
        release();
        giveInput(input, chosen);
        detachAgain(input);
      },
      cancel: () => {
        release();
        input.value = '';
        detachAgain(input);
      },
    });
  };
  listen('input', onInput);
  listen('change', onInput);
  // An input in a web component's shadow root: its `change`, and in Firefox its `input` too, stay
  // inside the shadow root. Any root a click or a focus passes through (the user's, or the page's
  // own `click()` on the input), closed ones too, is listened to as well, before the input opens.
  const roots = new WeakSet<ShadowRoot>();
  const watchShadowRoots = (event: Event) => {
    const path = event.composedPath();
    const closed = path[0] ? inClosedRoots(path[0], pointerOf(event)).roots : [];
    for (const node of [...path, ...closed]) {
      if (!(node instanceof ShadowRoot) || roots.has(node)) continue;
      roots.add(node);
      for (const type of ['input', 'change']) listen(type, onInput, node);
    }
  };
  listen('click', watchShadowRoots);
  listen('focusin', watchShadowRoots);

  /**
   * Drops and pastes: the event itself carries the upload; it is re-made with the chosen files, and
   * with the plain text that came with them (`textOf`: words copied along with a picture, which a
   * paste of only the picture would lose). Not their HTML, which may hold the original picture.
   * `undo`: what the target is told on a cancel. `foldersOf`: the folders dropped (see
   * dropped-folders.ts), whose files are held with the others and handed on as files of the drop.
   * `byDefault`: what the browser would have done with it had no page script handled it (see
   * paste-default.ts), done if none handles the re-made one either.
   */
  const holdTransfer = (
    type: 'drop' | 'paste',
    filesOf: (event: Event) => FileList | undefined,
    remake: (event: Event, data: DataTransfer) => Event,
    {
      undo,
      textOf,
      foldersOf,
      byDefault,
    }: {
      undo?: (event: Event) => Event;
      textOf?: (event: Event) => string;
      foldersOf?: (event: Event) => FileSystemDirectoryEntry[] | null;
      byDefault?: (event: Event) => PasteByDefault | null;
    } = {},
  ) =>
    listen(type, (event) => {
      const files = Array.from(filesOf(event) ?? []);
      // Read now: the event's data can be read only while it is dispatched.
      const folders = foldersOf?.(event) ?? null;
      // Where it was dropped or pasted, also inside a web component (which window sees as its host).
      const aimed = event.composedPath()[0] ?? event.target;
      const target = aimed && inClosedRoots(aimed, pointerOf(event)).target;
      if ((!folders && !files.some(isImage)) || !target || !holding()) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const text = textOf?.(event);
      const otherwise = byDefault?.(event);
      const hold = (held: File[]) =>
        onHold({
          files: held,
          deliver: (chosen) => {
            // Dropped on a file input, the browser's own default (filling it) was prevented: done here.
            if (target instanceof HTMLInputElement && target.type === 'file') return giveInput(target, target.multiple ? chosen : chosen.slice(0, 1));
            const data = transfer(chosen);
            if (text) data.setData('text/plain', text);
            const remade = withPageFiles(remake(event, data), data);
            send(target, remade);
            if (!remade.defaultPrevented) otherwise?.(chosen, text ?? '');
          },
          cancel: () => undo && send(target, undo(event)),
        });
      if (!folders) return hold(files);
      // A folder is also listed among the files, as an entry no one can read: its files replace it.
      const names = new Set(folders.map((folder) => folder.name));
      const loose = files.filter((file) => !names.has(file.name));
      void filesInFolders(folders).then((inside) => hold([...loose, ...inside]));
    });

  const at = ({ clientX, clientY, screenX, screenY }: MouseEvent) => ({ clientX, clientY, screenX, screenY, ...BUBBLING });
  holdTransfer(
    'drop',
    (event) => (event as DragEvent).dataTransfer?.files,
    (event, dataTransfer) => new DragEvent('drop', { ...at(event as DragEvent), dataTransfer }),
    // The drop zone saw the drag come in; tell it the drag left, so it resets.
    { undo: (event) => new DragEvent('dragleave', { ...at(event as DragEvent), dataTransfer: new DataTransfer() }), foldersOf: (event) => droppedFolders(event as DragEvent) },
  );
  holdTransfer(
    'paste',
    (event) => (event as ClipboardEvent).clipboardData?.files,
    (_, clipboardData) => new ClipboardEvent('paste', { ...BUBBLING, clipboardData }),
    { textOf: (event) => (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '', byDefault: pasteByDefault },
  );
}
