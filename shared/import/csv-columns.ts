/**
 * The columns an analysis reads from a CSV file outside a project (`hotspot kde`, `gistar` and
 * `knox`, electron/cli/commands/kde-input.ts and electron/engine/analysis/event-csv.ts): the one
 * place that finds the columns and reads their cells, so every command treats a file the same way.
 *
 * Reading: a plain comma-separated file (no quotes, shared/import/numeric-csv.ts plainFirstLine) is
 * read from its bytes straight into typed arrays; any other file (quotes, another delimiter) is
 * split by papaparse, loaded only then. Both skip blank lines and a UTF-8 BOM and give the same
 * table: one Float64Array per wanted column, backed by a SharedArrayBuffer (so a caller may move
 * rows up in place and hand the columns to workers), NaN where a cell is missing or unreadable.
 * A cell's number is `Number(cell)` when the trimmed cell is non-empty and finite; a column may have
 * its own text reader instead (a date into a day number), given the trimmed text of a non-empty cell
 * (an empty or missing cell is NaN without a call, so a blank line is never a row in either path).
 *
 * Columns (locateColumns), the one rule for every command:
 * - a spec of digits only (trimmed) is a 1-based column number; anything else is a header name,
 *   matched trimmed, exact case first, then case-insensitively (refused when that matches several);
 * - the first non-blank row is a header unless the x and y specs are both column numbers and both of
 *   their cells in that row read as numbers: then it is data and the columns can only be numbers.
 * A refusal is a CsvColumnError saying what to give instead (the columns there are, the count).
 */
import { type CellReader, cellText, decode, plainFirstLine, readNumericColumns } from './numeric-csv.js';

/** Thrown when the file or a column cannot be used at all (callers turn it into their refusal). */
export class CsvColumnError extends Error {
  override name = 'CsvColumnError';
}

/** A cell's value from its trimmed text, NaN when unreadable. */
export type TextReader = (text: string) => number;

export interface ColumnTable {
  /** Data rows read (header excluded, blank lines ignored). */
  rows: number;
  /** One array per wanted column, `rows` long, NaN where unreadable. */
  columns: Float64Array[];
  /** The untrimmed text of a row's cell (0-based file column), undefined when the row is short. */
  cell(row: number, column: number): string | undefined;
}

export interface CsvColumns {
  /** The cells of the first non-blank row (empty for a file of blank lines). */
  first: string[];
  /** The wanted 0-based columns of the rows after the first (hasHeader) or from it. */
  table(hasHeader: boolean, wanted: number[], readers?: readonly (TextReader | undefined)[]): ColumnTable;
}

/** A column wanted by its spec (header name or 1-based number) and the option that gave it. */
export interface ColumnSpec {
  spec: string;
  option: string;
}

/** The file's first row and its table reader; papaparse is loaded only for a file that is not plain. */
export async function openCsvColumns(bytes: Uint8Array): Promise<CsvColumns> {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = plainFirstLine(bytes, bom);
  return head ? plainColumns(bytes, head) : papaColumns(decode(bytes, bom, bytes.length));
}

/**
 * Whether the first row is a header, and the 0-based column of each spec. `xy` are the indices in
 * `specs` of the x and y columns, whose first-row cells decide the header (module comment).
 */
export function locateColumns(
  first: string[],
  specs: readonly ColumnSpec[],
  xy: readonly [number, number] = [0, 1],
): { hasHeader: boolean; indices: number[] } {
  if (first.length === 0) throw new CsvColumnError('the CSV file is empty');
  const dataCell = (k: number) => {
    const n = columnNumber(specs[k].spec);
    return n !== null && isNumber(first[n - 1]);
  };
  const hasHeader = !(dataCell(xy[0]) && dataCell(xy[1]));
  const header = hasHeader ? first.map((h) => h.trim()) : null;
  return { hasHeader, indices: specs.map((s) => locateColumn(s, first.length, header)) };
}

function locateColumn({ spec, option }: ColumnSpec, width: number, header: string[] | null): number {
  const n = columnNumber(spec);
  if (n !== null) {
    if (n < 1) throw new CsvColumnError(`${option} ${spec.trim()}: columns are numbered from 1`);
    if (n > width) throw new CsvColumnError(`${option} ${spec.trim()}: the file has only ${width} columns`);
    return n - 1;
  }
  const name = spec.trim();
  if (header === null) {
    throw new CsvColumnError(
      `${option} '${name}': the file has no header row, give a column number (1, 2, …)`,
    );
  }
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  const matches = header.filter((h) => h.toLowerCase() === lower);
  if (matches.length > 1) {
    throw new CsvColumnError(
      `${option} '${name}' matches the columns ${matches.join(', ')}; give the exact name or a column number`,
    );
  }
  if (matches.length === 1) return header.indexOf(matches[0]);
  throw new CsvColumnError(`${option} '${name}' is not a column; the columns are: ${header.join(', ')}`);
}

/** The 1-based column number of a spec of digits only, else null. */
function columnNumber(spec: string): number | null {
  const text = spec.trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}

function isNumber(cell: string | undefined): boolean {
  const text = (cell ?? '').trim();
  return text !== '' && Number.isFinite(Number(text));
}

/** A plain file, read from its bytes (numeric-csv.ts); a text reader gets the cell decoded and trimmed. */
function plainColumns(bytes: Uint8Array, head: { cells: string[]; start: number; next: number }): CsvColumns {
  return {
    first: head.cells,
    table(hasHeader, wanted, readers = []) {
      const cellReaders = wanted.map((_, k) => byteReader(readers[k]));
      const read = readNumericColumns(bytes, hasHeader ? head.next : head.start, wanted, cellReaders);
      const { lineStarts } = read;
      return {
        rows: read.rows,
        columns: read.columns,
        cell: (row, c) => cellText(bytes, lineStarts[row], c),
      };
    },
  };
}

/** numeric-csv's own number reader (undefined) or a text reader over the cell's trimmed text. */
function byteReader(read: TextReader | undefined): CellReader | undefined {
  if (read === undefined) return undefined;
  return (bytes, start, end) => textValue(decode(bytes, start, end), read);
}

/** A text reader's value of a cell, NaN for an empty one (module comment). */
function textValue(cell: string, read: TextReader): number {
  const text = cell.trim();
  return text === '' ? Number.NaN : read(text);
}

/** Any other file through papaparse (blank lines skipped, as the plain reader does). */
async function papaColumns(text: string): Promise<CsvColumns> {
  const Papa = (await import('papaparse')).default;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  return {
    first: parsed[0] ?? [],
    table(hasHeader, wanted, readers = []) {
      const rows = hasHeader ? parsed.slice(1) : parsed;
      const columns = wanted.map((c, k) => {
        const values = new Float64Array(new SharedArrayBuffer(rows.length * 8));
        const read = readers[k];
        for (const [row, cells] of rows.entries()) {
          const cell = cells[c] ?? '';
          values[row] = read ? textValue(cell, read) : isNumber(cell) ? Number(cell) : Number.NaN;
        }
        return values;
      });
      return { rows: rows.length, columns, cell: (row, c) => rows[row][c] };
    },
  };
}
