import { describe, expect, it } from 'vitest';
import { dataCoverage } from '../../../../../shared/analysis/compare/coverage.js';
import {
  adjustRows,
  comparePeriodCounts,
  countInPeriods,
} from '../../../../../shared/analysis/compare/period-comparison.js';
import {
  midpointTimes,
  previousPeriod,
  samePeriodLastYear,
} from '../../../../../shared/analysis/compare/periods.js';
import { expectClose } from '../../../expect-close.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const april2017 = { fromMs: day(2017, 4, 1), toMs: day(2017, 5, 1) };
/** Data with one record in every month of 2016 and 2017. */
const twoYears = () => {
  const from: number[] = [];
  const to: number[] = [];
  for (let m = 0; m < 24; m++) {
    from.push(Date.UTC(2016, m, 1));
    to.push(Date.UTC(2016, m + 1, 1) - 1);
  }
  return dataCoverage(from, to);
};
const spansOf = (current: { fromMs: number; toMs: number }) => ({
  current,
  previous: previousPeriod(current),
  lastYear: samePeriodLastYear(current),
});

describe('countInPeriods', () => {
  it('counts a record straddling the period boundary once, in the period of its midpoint', () => {
    // Current: April 2017 [1 Apr, 1 May); previous: the 30 days before, [2 Mar, 1 Apr).
    // A burglary window 25 Mar 00:00 – 4 Apr 00:00 overlaps both; its midpoint, 30 Mar, is in the previous.
    const from = Float64Array.of(day(2017, 3, 25), day(2017, 4, 10));
    const to = Float64Array.of(day(2017, 4, 4), day(2017, 4, 10));
    const counts = countInPeriods(midpointTimes(from, to), spansOf(april2017));
    expect(counts).toEqual({ current: 1, previous: 1, lastYear: 0 });
  });

  it('puts a midpoint exactly on the boundary in the later period (half-open [from, to))', () => {
    const counts = countInPeriods([day(2017, 4, 1)], spansOf(april2017));
    expect(counts).toEqual({ current: 1, previous: 0, lastYear: 0 });
  });
});

describe('comparePeriodCounts', () => {
  it('gives "no data" (null, untested) for the previous period and last year of a file holding only April 2017', () => {
    const f = day(2017, 4, 1);
    const t = day(2017, 5, 1) - 1;
    const coverage = dataCoverage(Array(40).fill(f), Array(40).fill(t));
    const r = comparePeriodCounts({ current: 40, previous: 0, lastYear: 0 }, spansOf(april2017), coverage);
    expect(r).toEqual({ current: 40, previous: null, lastYear: null, vsPrevious: null, vsLastYear: null });
  });

  it('tests nothing when the current period runs past the end of the data (May against an April-only file)', () => {
    const coverage = dataCoverage([day(2017, 4, 1)], [day(2017, 5, 1) - 1]);
    const may = { fromMs: day(2017, 5, 1), toMs: day(2017, 6, 1) };
    const r = comparePeriodCounts({ current: 0, previous: 25, lastYear: 0 }, spansOf(may), coverage);
    expect(r.vsPrevious).toBeNull();
    expect(r.vsLastYear).toBeNull();
    expect(r.lastYear).toBeNull();
  });

  it('tests a covered baseline: 10 against 2 in equal 30-day periods, p = 2·79/4096', () => {
    const coverage = twoYears();
    const r = comparePeriodCounts({ current: 10, previous: 2, lastYear: 4 }, spansOf(april2017), coverage);
    expectClose(r.vsPrevious!.pValue, (2 * 79) / 4096, 1e-12);
    expect(r.vsPrevious!.qValue).toBe(r.vsPrevious!.pValue);
    expect(r.previous).toBe(2);
  });
});

describe('adjustRows', () => {
  it('adjusts each comparison column across the rows separately', () => {
    const coverage = twoYears();
    const spans = spansOf(april2017);
    const rows = adjustRows([
      comparePeriodCounts({ current: 10, previous: 2, lastYear: 10 }, spans, coverage),
      comparePeriodCounts({ current: 5, previous: 5, lastYear: 5 }, spans, coverage),
    ]);
    // vs previous: p = [0.0385742…, 1] → q = [2·0.0385742…/1 capped by the next, 1] = [0.0771484…, 1].
    expectClose(rows[0]!.vsPrevious!.qValue, (2 * 2 * 79) / 4096, 1e-12);
    expect(rows[0]!.vsPrevious!.verdict).toBe('no significant change');
    expect(rows[1]!.vsPrevious!.qValue).toBe(1);
    // vs last year both p = 1 (equal counts in 30 vs 30 days), q = 1.
    expect(rows.map((r) => r.vsLastYear!.qValue)).toEqual([1, 1]);
  });
});
