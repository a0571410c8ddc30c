/**
 * One subject's counts in the current period, the previous period and the same period last year,
 * with exact tests, honest about periods without data (DESIGN.md §4 "Period comparison and
 * significance"):
 *
 *   counting  each event counts in exactly one period, the one holding its reference time t (the
 *             window midpoint, periods.ts midpointTimes): fromMs ≤ t < toMs
 *   no data   a baseline period the data do not cover (coverage.ts covers) has count null and test
 *             null: it is never 0 and never tested. When the current period itself is not fully
 *             covered (the extract ends inside it), its count is kept but nothing is tested: a
 *             part-period against a whole one would show a fall that is only missing data
 *   test      exact conditional Poisson test (poisson-rate-test.ts), exposures the periods' lengths
 *             in days
 *   table     adjustRows gives Benjamini–Hochberg q-values across the rows of one table, each
 *             comparison column separately (change-tests.ts adjustColumn); untested cells are not
 *             counted in m
 * O(events) to count, O(rows log rows) to adjust.
 */
import { adjustColumn, type ChangeTest, unadjusted } from './change-tests.js';
import { type Coverage, covers } from './coverage.js';
import { checkSpan, spanDays, type TimeSpan } from './periods.js';
import { DEFAULT_ALPHA, poissonRateTest, type RateTestResult } from './poisson-rate-test.js';

export interface PeriodSpans {
  current: TimeSpan;
  previous: TimeSpan;
  lastYear: TimeSpan;
}

/** Counts and tests of one row; null = the period has no data (not tested). */
export interface PeriodComparison {
  current: number;
  previous: number | null;
  lastYear: number | null;
  vsPrevious: ChangeTest | null;
  vsLastYear: ChangeTest | null;
}

export interface PeriodCounts {
  current: number;
  previous: number;
  lastYear: number;
}

/** Events whose reference time falls in each period (picked by `indices` when given). */
export function countInPeriods(
  timeMs: ArrayLike<number>,
  spans: PeriodSpans,
  indices?: ArrayLike<number>,
): PeriodCounts {
  checkSpan(spans.current, 'current');
  checkSpan(spans.previous, 'previous');
  checkSpan(spans.lastYear, 'lastYear');
  const counts = { current: 0, previous: 0, lastYear: 0 };
  const m = indices ? indices.length : timeMs.length;
  const inSpan = (t: number, s: TimeSpan) => t >= s.fromMs && t < s.toMs;
  for (let k = 0; k < m; k++) {
    const t = timeMs[indices ? indices[k]! : k]!;
    // Previous and last year may overlap when the current period is longer than a year: an event
    // then counts in each baseline it falls in, but only ever once in any one period.
    if (inSpan(t, spans.current)) counts.current++;
    if (inSpan(t, spans.previous)) counts.previous++;
    if (inSpan(t, spans.lastYear)) counts.lastYear++;
  }
  return counts;
}

/** The row's comparison, each test unadjusted (q = p) until adjustRows puts it in its table. */
export function comparePeriodCounts(
  counts: PeriodCounts,
  spans: PeriodSpans,
  coverage: Coverage | null,
  alpha = DEFAULT_ALPHA,
): PeriodComparison {
  const currentDays = spanDays(spans.current);
  const currentCovered = covers(coverage, spans.current);
  const baseline = (count: number, span: TimeSpan): [number | null, ChangeTest | null] => {
    if (!covers(coverage, span)) return [null, null];
    if (!currentCovered) return [count, null];
    return [count, unadjusted(poissonRateTest(counts.current, count, currentDays, spanDays(span), alpha))];
  };
  const [previous, vsPrevious] = baseline(counts.previous, spans.previous);
  const [lastYear, vsLastYear] = baseline(counts.lastYear, spans.lastYear);
  return { current: counts.current, previous, lastYear, vsPrevious, vsLastYear };
}

/** The rows of one table with BH q-values across the rows, each comparison column separately. */
export function adjustRows<T extends PeriodComparison>(rows: readonly T[]): T[] {
  const strip = (t: ChangeTest | null): RateTestResult | null => t;
  const prev = adjustColumn(rows.map((r) => strip(r.vsPrevious)));
  const ly = adjustColumn(rows.map((r) => strip(r.vsLastYear)));
  return rows.map((r, i) => ({ ...r, vsPrevious: prev[i] ?? null, vsLastYear: ly[i] ?? null }));
}
