/**
 * Which dates the data cover (DESIGN.md §4 "Period comparison": a period the data do not cover,
 * before the first or after the last date of the datasets in scope, or with a month missing, is
 * "no data", never zero, and no test is run against it).
 *
 * From the windows [fromMs, toMs] (inclusive, shared/model/time.ts) of every record of the datasets:
 *   startMs = 00:00 of the day of the earliest window start
 *   endMs   = 00:00 of the day after the latest window end (exclusive)
 *   a month between them is missing when no record's reference time (window midpoint, the counting
 *   rule of periods.ts midpointTimes) falls in it: monthly data (police.uk) with a month not
 *   downloaded, or any extract with a whole month lost.
 * A span [fromMs, toMs) is covered when startMs ≤ fromMs, toMs ≤ endMs and it overlaps no missing
 * month. Months are numbered year·12 + (month − 1). O(n) over the records, O(months) per span.
 */
import { MS_PER_DAY } from '../../model/time.js';
import { checkSpan, type TimeSpan } from './periods.js';

export interface Coverage {
  startMs: number;
  /** Exclusive. */
  endMs: number;
  /** Months (year·12 + month − 1) from startMs to endMs with no record, ascending. */
  missingMonths: number[];
}

export function monthNumber(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export function monthStartMs(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1);
}

/** yyyy-mm of a month number. */
export function monthKey(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** Coverage of records with windows [fromMs[i], toMs[i]]; null when there are none. */
export function dataCoverage(fromMs: ArrayLike<number>, toMs: ArrayLike<number>): Coverage | null {
  if (fromMs.length !== toMs.length)
    throw new RangeError(`toMs has ${toMs.length} values, fromMs ${fromMs.length}`);
  const n = fromMs.length;
  if (n === 0) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const f = fromMs[i]!;
    const t = toMs[i]!;
    if (!(Number.isFinite(f) && Number.isFinite(t) && t >= f))
      throw new RangeError(`record ${i} has no valid window [${f}, ${t}]`);
    if (f < first) first = f;
    if (t > last) last = t;
  }
  const startMs = Math.floor(first / MS_PER_DAY) * MS_PER_DAY;
  const endMs = (Math.floor(last / MS_PER_DAY) + 1) * MS_PER_DAY;
  const firstMonth = monthNumber(startMs);
  const seen = new Uint8Array(monthNumber(endMs - 1) - firstMonth + 1);
  for (let i = 0; i < n; i++) {
    const mid = fromMs[i]! + (toMs[i]! - fromMs[i]!) / 2;
    seen[monthNumber(mid) - firstMonth] = 1;
  }
  const missingMonths: number[] = [];
  seen.forEach((s, k) => {
    if (s === 0) missingMonths.push(firstMonth + k);
  });
  return { startMs, endMs, missingMonths };
}

/** True when the data cover every day of the span (see the header). */
export function covers(coverage: Coverage | null, span: TimeSpan): boolean {
  checkSpan(span, 'span');
  if (coverage === null) return false;
  if (span.fromMs < coverage.startMs || span.toMs > coverage.endMs) return false;
  const firstMonth = monthNumber(span.fromMs);
  const lastMonth = monthNumber(span.toMs - 1);
  return !coverage.missingMonths.some((m) => m >= firstMonth && m <= lastMonth);
}

/** True when the month holds data: inside [startMs, endMs) and not missing. */
export function monthCovered(coverage: Coverage | null, month: number): boolean {
  if (coverage === null) return false;
  const from = monthStartMs(month);
  const to = monthStartMs(month + 1);
  return to > coverage.startMs && from < coverage.endMs && !coverage.missingMonths.includes(month);
}
