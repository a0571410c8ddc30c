/**
 * The rejected rows of an import as CSV, so the analyst can fix them at source and import them again:
 * the row number, the original cells under the original headers, then the column(s) and reason(s).
 *
 * Cells are made safe for spreadsheets (OWASP "CSV injection"): a cell beginning with = + - @, tab
 * or carriage return is prefixed with an apostrophe so Excel or LibreOffice shows it as text instead
 * of evaluating it as a formula. Fields are quoted (RFC 4180) when they hold a comma, quote or line
 * break. Lines end with CRLF, as RFC 4180 and Excel expect.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as spreadsheet-safe CSV text. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export interface RejectedRow {
  rowNumber: number;
  cells: readonly string[];
  /** Every issue of the row, in order. */
  issues: readonly { column: string | null; reason: string }[];
}

export function rejectedRowsCsv(headers: readonly string[], rows: Iterable<RejectedRow>): string {
  const lines = [['row', ...headers, 'rejected_column', 'rejected_reason'].map(csvCell).join(',')];
  for (const row of rows) {
    const cells = headers.map((_, i) => row.cells[i] ?? '');
    const columns = row.issues.map((issue) => issue.column ?? '').join('; ');
    const reasons = row.issues.map((issue) => issue.reason).join('; ');
    lines.push([String(row.rowNumber), ...cells, columns, reasons].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
