/**
 * Reads point events (x, y in projected metres, a date) straight from a CSV file for the `hotspot
 * knox` CLI and the benchmarks, without a project. A plain comma-separated file (no quotes) is read
 * from its bytes into typed arrays (shared/import/numeric-csv.ts, no row objects); any other file
 * is split by papaparse (RFC 4180 quoting, delimiter guess), loaded only then. Both give the same
 * events, rows and reasons.
 *
 * Columns are named by header, or by 1-based number. The first row is a header unless its x and y
 * cells both read as numbers (then the file has no header and columns can only be numbers).
 * Dates: 'dd/mm/yyyy' (UK, the default) or 'iso' (yyyy-mm-dd), each optionally followed by a time
 * of day, which is ignored: Knox works in whole days (shared/model/time.ts dayOf). Every rejected
 * row is counted, with the first few reasons kept for the message; none is skipped silently.
 */
import { readFile } from 'node:fs/promises';
import { cellText, decode, plainFirstLine, readNumericColumns } from '../../../shared/import/numeric-csv.js';
import type { EventColumns } from '../../../shared/model/records.js';
import { dayOf, wallClockMs } from '../../../shared/model/time.js';

export type CsvDateFormat = 'dd/mm/yyyy' | 'iso';

export interface EventCsvOptions {
  x: string;
  y: string;
  date: string;
  dateFormat?: CsvDateFormat;
}

export interface EventCsv {
  events: EventColumns;
  /** Data rows read (header excluded, blank lines ignored). */
  rows: number;
  rejected: number;
  /** Up to MAX_REASONS "row N: why" lines. */
  reasons: string[];
  hasHeader: boolean;
}

/** Thrown when the file or a column cannot be used at all (the CLI turns it into a refusal). */
export class EventCsvError extends Error {
  override name = 'EventCsvError';
}

const MAX_REASONS = 5;

export async function readEventCsv(path: string, options: EventCsvOptions): Promise<EventCsv> {
  return parseEventCsv(await readFile(path), options);
}

/** The x, y and day columns (NaN where unreadable) of the data rows, and a row's cell texts. */
interface EventTable {
  rows: number;
  x: Float64Array;
  y: Float64Array;
  day: Float64Array;
  cell(row: number, column: number): string | undefined;
}

/** The first non-blank row's cells, and the table of the columns [x, y, date] after it (or from it). */
interface EventCsvReader {
  first: string[];
  table(hasHeader: boolean, columns: [number, number, number], format: CsvDateFormat): EventTable;
}

/** Events of a CSV given as bytes (or text). */
export async function parseEventCsv(input: Uint8Array | string, options: EventCsvOptions): Promise<EventCsv> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const format = options.dateFormat ?? 'dd/mm/yyyy';
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = plainFirstLine(bytes, bom);
  const reader = head ? plainReader(bytes, head) : await papaReader(decode(bytes, bom, bytes.length));
  const first = reader.first;
  if (first.length === 0) throw new EventCsvError('the CSV file is empty');
  const numberedX = columnNumber(options.x, first.length);
  const numberedY = columnNumber(options.y, first.length);
  const firstIsData =
    numberedX !== null && numberedY !== null && isNumber(first[numberedX]) && isNumber(first[numberedY]);
  const hasHeader = !firstIsData;
  const header = hasHeader ? first.map((h) => h.trim()) : [];
  const xColumn = resolveColumn(options.x, header, first.length, '--x');
  const yColumn = resolveColumn(options.y, header, first.length, '--y');
  const dateColumn = resolveColumn(options.date, header, first.length, '--date');
  const table = reader.table(hasHeader, [xColumn, yColumn, dateColumn], format);

  const n = table.rows;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const day = new Int32Array(n);
  let kept = 0;
  let rejected = 0;
  const reasons: string[] = [];
  const reject = (row: number, why: () => string) => {
    rejected++;
    if (reasons.length < MAX_REASONS) reasons.push(`row ${row}: ${why()}`);
  };
  const text = (row: number, column: number) => (table.cell(row, column) ?? '').trim();
  for (let r = 0; r < n; r++) {
    const rowNumber = r + (hasHeader ? 2 : 1);
    const xi = table.x[r];
    const yi = table.y[r];
    if (Number.isNaN(xi) || Number.isNaN(yi)) {
      reject(rowNumber, () => `x/y '${text(r, xColumn)}', '${text(r, yColumn)}' are not numbers`);
      continue;
    }
    const d = table.day[r];
    if (Number.isNaN(d)) {
      reject(rowNumber, () => `date '${text(r, dateColumn)}' is not a valid ${format} date`);
      continue;
    }
    x[kept] = xi;
    y[kept] = yi;
    day[kept] = d;
    kept++;
  }
  return {
    events: { x: x.slice(0, kept), y: y.slice(0, kept), day: day.slice(0, kept) },
    rows: n,
    rejected,
    reasons,
    hasHeader,
  };
}

/** A plain file read from its bytes: numbers by numeric-csv.ts, dates by parseDay. */
function plainReader(
  bytes: Uint8Array,
  head: { cells: string[]; start: number; next: number },
): EventCsvReader {
  return {
    first: head.cells,
    table(hasHeader, columns, format) {
      // A year of events has a few hundred distinct dates: each is parsed once.
      const days = new Map<string, number>();
      const readDay = (b: Uint8Array, start: number, end: number) => {
        const text = decode(b, start, end).trim();
        let d = days.get(text);
        if (d === undefined) days.set(text, (d = parseDay(text, format) ?? Number.NaN));
        return d;
      };
      const read = readNumericColumns(bytes, hasHeader ? head.next : head.start, columns, [
        undefined,
        undefined,
        readDay,
      ]);
      const [x, y, day] = read.columns;
      return { rows: read.rows, x, y, day, cell: (row, c) => cellText(bytes, read.lineStarts[row], c) };
    },
  };
}

/** Any other file through papaparse (blank lines skipped, as the plain reader does). */
async function papaReader(text: string): Promise<EventCsvReader> {
  const Papa = (await import('papaparse')).default;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  return {
    first: parsed[0] ?? [],
    table(hasHeader, [xc, yc, dc], format) {
      const rows = parsed.slice(hasHeader ? 1 : 0);
      const number = (cell: string | undefined) => (isNumber(cell) ? Number(cell) : Number.NaN);
      return {
        rows: rows.length,
        x: Float64Array.from(rows, (cells) => number(cells[xc])),
        y: Float64Array.from(rows, (cells) => number(cells[yc])),
        day: Float64Array.from(rows, (cells) => parseDay((cells[dc] ?? '').trim(), format) ?? Number.NaN),
        cell: (row, c) => rows[row][c],
      };
    },
  };
}

/** Day number of a date cell, or null when it is not a real date in the format. */
export function parseDay(raw: string, format: CsvDateFormat): number | null {
  const match =
    format === 'iso'
      ? /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(raw)
      : /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T].*)?$/.exec(raw);
  if (!match) return null;
  const [year, month, dayOfMonth] =
    format === 'iso'
      ? [Number(match[1]), Number(match[2]), Number(match[3])]
      : [Number(match[3]), Number(match[2]), Number(match[1])];
  if (month < 1 || month > 12 || dayOfMonth < 1) return null;
  const ms = wallClockMs(year, month, dayOfMonth);
  // Date.UTC rolls 31/02 over into March: a real date reads back as itself.
  if (new Date(ms).getUTCDate() !== dayOfMonth) return null;
  return dayOf(ms);
}

function isNumber(cell: string | undefined): boolean {
  const text = (cell ?? '').trim();
  return text !== '' && Number.isFinite(Number(text));
}

function columnNumber(spec: string, width: number): number | null {
  if (!/^\d+$/.test(spec)) return null;
  const index = Number(spec) - 1;
  return index >= 0 && index < width ? index : null;
}

function resolveColumn(spec: string, header: string[], width: number, option: string): number {
  const byName = header.indexOf(spec.trim());
  if (byName >= 0) return byName;
  const byNumber = columnNumber(spec, width);
  if (byNumber !== null) return byNumber;
  if (/^\d+$/.test(spec)) throw new EventCsvError(`${option} ${spec}: the file has only ${width} columns`);
  if (header.length === 0) {
    throw new EventCsvError(
      `${option} '${spec}': the file has no header row, so name columns by number (1, 2, …)`,
    );
  }
  throw new EventCsvError(`${option} '${spec}' is not a column; the columns are: ${header.join(', ')}`);
}
