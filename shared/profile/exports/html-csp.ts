/**
 * The exported profile HTML's Content-Security-Policy meta (docs/ARCHITECTURE.md "Exports"): the
 * policy for a self-contained export (shared/security/csp.ts buildExportCsp: no script, no fetch,
 * inline styles and data: images only), placed first in <head> so it governs everything after it.
 */
import { buildExportCsp } from '../../security/csp.js';

export function withExportCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${buildExportCsp()}">`;
  if (html.includes('http-equiv="Content-Security-Policy"')) return html;
  const at = /<meta charset="utf-8">/i.exec(html) ?? /<head>/i.exec(html);
  if (!at) throw new RangeError('the profile HTML has no <head> to put its CSP meta in');
  const end = at.index + at[0].length;
  return `${html.slice(0, end)}${meta}${html.slice(end)}`;
}
