import { PAGE_FILES, PAGE_TEXT } from './trust-bridge';

/** Firefox lets a content script reach the page's side of a DOM object, past its Xray view. */
type PageSide<T> = T & { wrappedJSObject?: T };

/**
 * Firefox shows a page only the files that page code put in a DataTransfer (and its ClipboardEvent
 * constructor keeps none at all), so a re-made drop or paste would reach the site empty. There the
 * chosen files — a FileList, which the page can read — and the text that came with them are left
 * on the page's side of the event, where the page-world bridge builds the DataTransfer the site's
 * listeners see. Chrome needs none.
 */
export function withPageFiles<E extends Event>(event: E, data: DataTransfer): E {
  const pageSide = (event as PageSide<E>).wrappedJSObject;
  if (!pageSide) return event;
  Object.defineProperty(pageSide, PAGE_FILES, { value: data.files });
  Object.defineProperty(pageSide, PAGE_TEXT, { value: data.getData('text/plain') });
  return event;
}
