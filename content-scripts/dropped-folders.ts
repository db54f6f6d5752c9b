/**
 * Folders dropped with (or instead of) files. Upload widgets that take folders (react-dropzone's,
 * for one) read the photos inside through the drop's entries, which `dataTransfer.files` does not
 * list: left alone, a dropped folder would carry its photos past the guard.
 */

/** Files read from one drop's folders, at most: a folder of a few years' photos is not walked to its end. */
const MAX_FILES = 500;
/** Folders inside folders, at most. */
const MAX_DEPTH = 4;

/**
 * The folders among a drop's items, taken while the drop is dispatched (its items are emptied
 * after); null when it holds none, or its entries cannot be read (the drop's files are still held).
 */
export function droppedFolders(event: DragEvent): FileSystemDirectoryEntry[] | null {
  try {
    const entries = Array.from(event.dataTransfer?.items ?? [], (item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null));
    const folders = entries.filter((entry): entry is FileSystemDirectoryEntry => !!entry?.isDirectory);
    return folders.length ? folders : null;
  } catch {
    return null;
  }
}

// A folder or file that cannot be read (no permission, gone since the drop) is left out: the
// others still reach the site, checked.
const entriesOf = (reader: FileSystemDirectoryReader) => new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
const fileOf = (entry: FileSystemFileEntry) => new Promise<File[]>((resolve) => entry.file((file) => resolve([file]), () => resolve([])));

/** The files inside `folders` and their subfolders, in the order a listing gives them, up to MAX_FILES. */
export async function filesInFolders(folders: FileSystemDirectoryEntry[]): Promise<File[]> {
  const files: File[] = [];
  const walk = async (folder: FileSystemDirectoryEntry, depth: number) => {
    const reader = folder.createReader();
    // A listing comes in batches (of 100 in Chrome) until an empty one.
    for (let batch = await entriesOf(reader); batch.length && files.length < MAX_FILES; batch = await entriesOf(reader)) {
      for (const entry of batch) {
        if (files.length >= MAX_FILES) return;
        if (entry.isFile) files.push(...(await fileOf(entry as FileSystemFileEntry)));
        else if (entry.isDirectory && depth < MAX_DEPTH) await walk(entry as FileSystemDirectoryEntry, depth + 1);
      }
    }
  };
  for (const folder of folders) await walk(folder, 1);
  return files;
}
