/**
 * Reads point events (x, y in projected metres, a date) straight from a CSV file for the `hotspot
 * knox` CLI and the benchmarks, without a project. papaparse splits the text (RFC 4180 quoting).
 *
 * Columns are named by header, or by 1-based number. The first row is a header unless its x and y
 * cells both read as numbers (then the file has no header and columns can only be numbers).
 * Dates: 'dd/mm/yyyy' (UK, the default) or 'iso' (yyyy-mm-dd), each optionally followed by a time
 * of day, which is ignored: Knox works in whole days (shared/model/time.ts dayOf). Every rejected
 * row is counted, with the first few reasons kept for the message; none is skipped silently.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
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
  const text = await readFile(path, 'utf8');
  return parseEventCsv(text, options);
}

export function parseEventCsv(text: string, options: EventCsvOptions): EventCsv {
  const format = options.dateFormat ?? 'dd/mm/yyyy';
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const table = parsed.data;
  if (table.length === 0) throw new EventCsvError('the CSV file is empty');
  const first = table[0];
  const numberedX = columnNumber(options.x, first.length);
  const numberedY = columnNumber(options.y, first.length);
  const firstIsData =
    numberedX !== null && numberedY !== null && isNumber(first[numberedX]) && isNumber(first[numberedY]);
  const hasHeader = !firstIsData;
  const header = hasHeader ? first.map((h) => h.trim()) : [];
  const xColumn = resolveColumn(options.x, header, first.length, '--x');
  const yColumn = resolveColumn(options.y, header, first.length, '--y');
  const dateColumn = resolveColumn(options.date, header, first.length, '--date');

  const start = hasHeader ? 1 : 0;
  const n = table.length - start;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const day = new Int32Array(n);
  let kept = 0;
  let rejected = 0;
  const reasons: string[] = [];
  const reject = (row: number, why: string) => {
    rejected++;
    if (reasons.length < MAX_REASONS) reasons.push(`row ${row}: ${why}`);
  };
  for (let r = start; r < table.length; r++) {
    const cells = table[r];
    const rowNumber = r + 1;
    const xi = Number((cells[xColumn] ?? '').trim());
    const yi = Number((cells[yColumn] ?? '').trim());
    const rawX = (cells[xColumn] ?? '').trim();
    const rawY = (cells[yColumn] ?? '').trim();
    if (rawX === '' || rawY === '' || !Number.isFinite(xi) || !Number.isFinite(yi)) {
      reject(rowNumber, `x/y '${rawX}', '${rawY}' are not numbers`);
      continue;
    }
    const rawDate = (cells[dateColumn] ?? '').trim();
    const d = parseDay(rawDate, format);
    if (d === null) {
      reject(rowNumber, `date '${rawDate}' is not a valid ${format} date`);
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
