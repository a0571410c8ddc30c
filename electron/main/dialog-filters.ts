/**
 * Native dialog filters from an <input accept>-style list (".csv,.xlsx"), the form the renderer
 * uses for both hosts. Pure.
 */
export interface DialogFilter {
  name: string;
  extensions: string[];
}

export function dialogFilters(accept: string | undefined): DialogFilter[] {
  if (accept === undefined) return [{ name: 'All files', extensions: ['*'] }];
  const extensions = [
    ...new Set(
      accept
        .split(',')
        .map((part) => part.trim().replace(/^\./, '').toLowerCase())
        .filter((ext) => /^[a-z0-9]{1,10}$/.test(ext)),
    ),
  ];
  if (extensions.length === 0) return [{ name: 'All files', extensions: ['*'] }];
  return [{ name: extensions.map((ext) => ext.toUpperCase()).join(', '), extensions }];
}
