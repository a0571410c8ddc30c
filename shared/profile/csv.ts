/**
 * CSV writing for exports (RFC 4180) that is safe to open in a spreadsheet: a cell that starts with
 * = + - @, a tab or a carriage return could run as a formula ("CSV injection", OWASP), so it is
 * prefixed with a single quote, which spreadsheets show as text. Numbers are written as numbers (a
 * negative number is data, not a formula, and is not prefixed). Cells with a comma, quote or line
 * break are quoted, quotes doubled. Lines end with CRLF.
 *
 * Provenance goes first as comment lines starting with "# " (read by R's comment.char and pandas'
 * comment='#'; spreadsheets show them as text rows).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toSafeCsv(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
  comments: readonly string[] = [],
): string {
  const lines = [
    ...comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`),
    headers.map(csvCell).join(','),
    ...rows.map((row) => row.map(csvCell).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
