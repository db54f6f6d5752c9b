const EXTENSIONS: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg' };

/** `name` with the extension of `type` instead of its own: a photo that became another format. */
export const renamedFor = (name: string, type: string): string => name.replace(/\.[^.]*$/, '') + (EXTENSIONS[type] ?? '');
