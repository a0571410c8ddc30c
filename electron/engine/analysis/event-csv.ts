/**
 * Reads point events (x, y in projected metres, a date) straight from a CSV file for the `hotspot
 * knox` CLI and the benchmarks, without a project. The columns are found and read by
 * shared/import/csv-columns.ts (by header name or 1-based number, the header rule, a plain file from
 * its bytes and any other through papaparse, to the same events, rows and reasons); the dates are
 * read here.
 *
 * Dates: 'dd/mm/yyyy' (UK, the default) or 'iso' (yyyy-mm-dd), each optionally followed by a time
 * of day, which is ignored: Knox works in whole days (shared/model/time.ts dayOf). Every rejected
 * row is counted, with the first few reasons kept for the message; none is skipped silently.
 */
import { readFile } from 'node:fs/promises';
import { locateColumns, openCsvColumns } from '../../../shared/import/csv-columns.js';
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
export { CsvColumnError as EventCsvError } from '../../../shared/import/csv-columns.js';

const MAX_REASONS = 5;

export async function readEventCsv(path: string, options: EventCsvOptions): Promise<EventCsv> {
  return parseEventCsv(await readFile(path), options);
}

/** Events of a CSV given as bytes (or text). */
export async function parseEventCsv(input: Uint8Array | string, options: EventCsvOptions): Promise<EventCsv> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const format = options.dateFormat ?? 'dd/mm/yyyy';
  const csv = await openCsvColumns(bytes);
  const { hasHeader, indices } = locateColumns(csv.first, [
    { spec: options.x, option: '--x' },
    { spec: options.y, option: '--y' },
    { spec: options.date, option: '--date' },
  ]);
  const [xColumn, yColumn, dateColumn] = indices;
  // A year of events has a few hundred distinct dates: each is parsed once.
  const days = new Map<string, number>();
  const readDay = (text: string) => {
    let d = days.get(text);
    if (d === undefined) days.set(text, (d = parseDay(text, format) ?? Number.NaN));
    return d;
  };
  const table = csv.table(hasHeader, indices, [undefined, undefined, readDay]);
  const [tx, ty, tday] = table.columns;

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
    const xi = tx[r];
    const yi = ty[r];
    if (Number.isNaN(xi) || Number.isNaN(yi)) {
      reject(rowNumber, () => `x/y '${text(r, xColumn)}', '${text(r, yColumn)}' are not numbers`);
      continue;
    }
    const d = tday[r];
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
