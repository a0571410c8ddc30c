/**
 * The time part of row validation: turns the mapped time cells of one row into a record window
 * [fromMs, toMs] with its precision (shared/model/time.ts), per the mapping's time shape:
 *
 *   datetime   the cell's own precision (a date-time is exact, a bare date is the whole day)
 *   date+time  date cell + time-of-day cell; an empty time leaves the whole day (precision date)
 *   window     date_from … date_to, each a date or date-time; to is inclusive (a date-only "to"
 *              runs to the end of that day); an empty "to" means the "from" value alone.
 *              from === to gives precision exact. to before from is rejected; a window longer
 *              than maxWindowDays is accepted with a warning.
 *   date       the whole day, even when the cell carries a time (exports often write 00:00)
 *   month      the whole month (a full date is widened to its month)
 * A value starting after `nowMs` is rejected as a future date.
 */
import { MS_PER_DAY, type TimePrecision } from '../model/time.js';
import { trimCell } from './cells.js';
import {
  type DateContext,
  expectedDateText,
  type ParsedDate,
  parseDateCell,
  parseTimeCell,
} from './dates.js';
import type { TimeShape } from './mapping.js';

export interface TimeResult {
  fromMs: number;
  toMs: number;
  precision: TimePrecision;
  warning: string | null;
}

export interface TimeError {
  /** 0 = the first time column of the shape (date / date_from), 1 = the second (time / date_to). */
  which: 0 | 1;
  value: string;
  reason: string;
}

export interface TimeCheckerOptions {
  shape: TimeShape;
  context: DateContext;
  nowMs: number;
  maxWindowDays: number;
}

function isoText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function createTimeChecker(options: TimeCheckerOptions) {
  const { shape, context, nowMs, maxWindowDays } = options;
  if (!(maxWindowDays > 0)) throw new RangeError(`maxWindowDays must be > 0, got ${maxWindowDays}`);
  const maxWindowMs = maxWindowDays * MS_PER_DAY;
  const nowText = isoText(nowMs).slice(0, 10);

  // Scratch objects reused on every row (the import's hot path): callers copy the numbers out at once.
  const firstScratch: ParsedDate = { startMs: 0, endMs: 0, precision: 'date' };
  const secondScratch: ParsedDate = { startMs: 0, endMs: 0, precision: 'date' };
  const result: TimeResult = { fromMs: 0, toMs: 0, precision: 'date', warning: null };
  function ok(fromMs: number, toMs: number, precision: TimePrecision, warning: string | null): TimeResult {
    result.fromMs = fromMs;
    result.toMs = toMs;
    result.precision = precision;
    result.warning = warning;
    return result;
  }

  function parse(raw: string, which: 0 | 1, label: string, out: ParsedDate): ParsedDate | TimeError {
    const text = trimCell(raw);
    if (text === '')
      return { which, value: raw, reason: `missing ${label}; expected ${expectedDateText(context.format)}` };
    const parsed = parseDateCell(text, context, out);
    if (typeof parsed === 'string') return { which, value: raw, reason: parsed };
    if (parsed.startMs > nowMs) {
      return { which, value: raw, reason: `${text} is in the future (after the import date ${nowText})` };
    }
    return parsed;
  }

  function widen(parsed: ParsedDate, to: 'date' | 'month'): TimeResult {
    if (parsed.precision === 'month' || parsed.precision === to) {
      return ok(parsed.startMs, parsed.endMs, parsed.precision, null);
    }
    const d = new Date(parsed.startMs);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    if (to === 'month') return ok(Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1) - 1, 'month', null);
    const day = Date.UTC(y, m, d.getUTCDate());
    return ok(day, day + MS_PER_DAY - 1, 'date', null);
  }

  /** `first` is the date / date_from cell, `second` the time / date_to cell ('' when unmapped). */
  return function check(first: string, second: string): TimeResult | TimeError {
    if (shape === 'window') {
      const from = parse(first, 0, 'date_from', firstScratch);
      if ('reason' in from) return from;
      if (trimCell(second) === '') {
        return ok(from.startMs, from.endMs, from.precision, null);
      }
      const to = parse(second, 1, 'date_to', secondScratch);
      if ('reason' in to) return to;
      if (to.endMs < from.startMs) {
        return {
          which: 1,
          value: second,
          reason: `date_to ${trimCell(second)} is before date_from ${trimCell(first)}`,
        };
      }
      const precision: TimePrecision = from.startMs === to.endMs ? 'exact' : 'window';
      const spanMs = to.endMs - from.startMs;
      const warning =
        spanMs > maxWindowMs
          ? `the window ${trimCell(first)} – ${trimCell(second)} is longer than ${maxWindowDays} days`
          : null;
      return ok(from.startMs, to.endMs, precision, warning);
    }
    const date = parse(first, 0, 'date', firstScratch);
    if ('reason' in date) return date;
    if (shape === 'month') return widen(date, 'month');
    if (shape === 'date') return widen(date, 'date');
    if (shape === 'date+time') {
      const timeText = trimCell(second);
      if (timeText === '' || date.precision !== 'date') {
        return ok(date.startMs, date.endMs, date.precision, null);
      }
      const clock = parseTimeCell(timeText);
      if (typeof clock === 'string') return { which: 1, value: second, reason: clock };
      const ms = date.startMs + clock;
      if (ms > nowMs)
        return {
          which: 1,
          value: second,
          reason: `${isoText(ms)} is in the future (after the import date ${nowText})`,
        };
      return ok(ms, ms, 'exact', null);
    }
    return ok(date.startMs, date.endMs, date.precision, null);
  };
}
