/**
 * CSV writing for exports (RFC 4180) that opens cleanly in a spreadsheet, pandas, R and GDAL with
 * their default settings (issue 12):
 *
 * - the header is the first line: no comment lines (metadata goes in the file's sidecar,
 *   shared/profile/exports/sidecar.ts), so `pandas.read_csv(path)` and GDAL's CSV driver read it;
 * - UTF-8 with a byte-order mark, so Excel decodes "×" and "²" instead of guessing a code page
 *   (pandas, R's readr and papaparse drop the BOM);
 * - formula-safe: a cell that starts with = + - @, a tab or a carriage return could run as a formula
 *   ("CSV injection", OWASP), so it is prefixed with a single quote, which spreadsheets show as text.
 *   Numbers are written as numbers (a negative number is data, not a formula, and is not prefixed);
 * - cells with a comma, quote or line break are quoted, quotes doubled; lines are separated by CRLF,
 *   with none after the last record (RFC 4180 allows either): a trailing empty line makes
 *   papaparse's delimiter guess, with its default options, pick ";" over "," when cells hold "; "
 *   lists (the hotspots' places).
 *
 * The one implementation of CSV escaping for exports.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** The byte-order mark that starts every exported CSV (U+FEFF, written as EF BB BF in UTF-8). */
export const UTF8_BOM = '\uFEFF';

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole CSV text: BOM, header line, then one line per row, CRLF between lines. */
export function toSafeCsv(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== headers.length) {
      throw new RangeError(`row ${i + 1} has ${row.length} cells for ${headers.length} columns`);
    }
  }
  const lines = [headers.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `${UTF8_BOM}${lines.join('\r\n')}`;
}
