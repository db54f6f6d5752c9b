import { inClosedRoots } from './closed-roots';

/**
 * What a browser does with a paste no page script handles: in an editable element, the pasted
 * pictures go in at the caret, as images. The guard's re-made paste has no such default (a script
 * made it), so a page relying on it — a plain editable comment box — would get nothing.
 */

/** Where the paste was going: its editable element and caret, read while the paste is dispatched. */
export type PasteByDefault = (files: File[], text: string) => void;

/** How to do a paste's default later (see PasteByDefault); null outside an editable element. */
export function pasteByDefault(event: Event): PasteByDefault | null {
  const aimed = event.composedPath()[0];
  const start = aimed && inClosedRoots(aimed).target;
  if (!(start instanceof HTMLElement) || !start.isContentEditable) return null;
  let host = start;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  const selection = selectionAt(host);
  const caret = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
  return (files, text) => void insertAt(host, caret, files, text);
}

/**
 * The selection as seen from the element's tree: in Chrome, the document's shows a caret inside a
 * shadow root as one at its host, while the root's own (`getSelection`, Chrome's) shows it there.
 */
function selectionAt(element: HTMLElement): Selection | null {
  const root = element.getRootNode();
  const own = root instanceof ShadowRoot ? (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection : undefined;
  return own ? own.call(root) : document.getSelection();
}

async function insertAt(editable: HTMLElement, caret: Range | null, files: File[], text: string): Promise<void> {
  const images = await Promise.all(files.filter((file) => file.type.startsWith('image/')).map(dataUrl));
  // The decision window had the focus: the caret goes back where the paste was.
  editable.focus();
  if (caret) {
    const selection = selectionAt(editable);
    selection?.removeAllRanges();
    selection?.addRange(caret);
  }
  const words = text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n/g, '<br>');
  // As the browser's own paste does: an editing command, which the page sees as input.
  document.execCommand('insertHTML', false, images.map((src) => `<img src="${src}">`).join('') + words);
}

const dataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
