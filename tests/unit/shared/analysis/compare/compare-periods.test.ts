import { describe, expect, it } from 'vitest';
import { comparePeriods } from '../../../../../shared/analysis/compare/compare-periods.js';
import { poissonRateTest } from '../../../../../shared/analysis/compare/poisson-rate-test.js';
import { MS_PER_DAY, wallClockMs } from '../../../../../shared/model/time.js';
import { expectClose } from '../../../expect-close.js';

// Current period: 28 days from 2025-06-02; previous: the 28 days before; last year: June 2024 dates.
const current = { fromMs: wallClockMs(2025, 6, 2), toMs: wallClockMs(2025, 6, 30) };
const inCurrent = (d: number) => current.fromMs + d * MS_PER_DAY + 3_600_000;
const inPrevious = (d: number) => current.fromMs - (d + 1) * MS_PER_DAY;
const inLastYear = (d: number) => wallClockMs(2024, 6, 2) + d * MS_PER_DAY;

function events() {
  // area 0 "North", 1 "South", −1 none; category 0 "Burglary", 1 "Vehicle".
  const list: [number, number, number][] = [];
  for (let i = 0; i < 10; i++) list.push([inCurrent(i), 0, 0]); // North burglary: 10 now
  for (let i = 0; i < 2; i++) list.push([inPrevious(i), 0, 0]); //   2 before
  for (let i = 0; i < 4; i++) list.push([inLastYear(i), 0, 0]); //   4 last year
  list.push([inCurrent(3), 1, 1], [inPrevious(3), 1, 1], [inPrevious(4), 1, 1]); // South vehicle: 1 vs 2
  list.push([inCurrent(5), -1, 1]); // vehicle without an area
  list.push([current.toMs, 0, 0]); // just after the current period: counted nowhere
  list.push([wallClockMs(2023, 1, 1), 0, 0]); // long before: counted nowhere
  return {
    timeMs: Float64Array.from(list, (e) => e[0]),
    areaCode: Int32Array.from(list, (e) => e[1]),
    categoryCode: Int32Array.from(list, (e) => e[2]),
    areas: ['North', 'South'],
    categories: ['Burglary', 'Vehicle'],
  };
}

describe('comparePeriods', () => {
  it('counts the total, each category, each area and each area × category in the three periods', () => {
    const r = comparePeriods(events(), { current });
    const row = (area: string | null, category: string | null) => {
      const found = r.rows.find((x) => x.area === area && x.category === category);
      if (!found) throw new Error(`no row ${area} ${category}`);
      return [found.current, found.previous, found.lastYear];
    };
    expect(row(null, null)).toEqual([12, 4, 4]);
    expect(row(null, 'Burglary')).toEqual([10, 2, 4]);
    expect(row(null, 'Vehicle')).toEqual([2, 2, 0]);
    expect(row('North', null)).toEqual([10, 2, 4]);
    expect(row('South', 'Vehicle')).toEqual([1, 2, 0]);
    expect(r.withoutArea).toEqual({ current: 1, previous: 0, lastYear: 0 });
    expect(r.rows.map((x) => [x.area, x.category])).toEqual([
      [null, null],
      [null, 'Burglary'],
      [null, 'Vehicle'],
      ['North', null],
      ['South', null],
      ['North', 'Burglary'],
      ['South', 'Vehicle'],
    ]);
    expect(r.exposureDays).toEqual({ current: 28, previous: 28, lastYear: 28 });
  });

  it('tests North burglary 10 vs 2 as p = 0.03857421875, a significant increase', () => {
    const r = comparePeriods(events(), { current });
    const north = r.rows.find((x) => x.area === 'North' && x.category === 'Burglary')!;
    expectClose(north.vsPrevious.pValue, 0.03857421875, 1e-12);
    expect(north.vsPrevious.verdict).toBe('significant increase');
    expect(north.vsLastYear).toEqual({ ...poissonRateTest(10, 4, 28, 28), qValue: north.vsLastYear.pValue });
  });

  it('with fdr-bh, adjusts the p-values over the rows and judges by the q-value', () => {
    const r = comparePeriods(events(), { current, multipleTesting: 'fdr-bh' });
    const north = r.rows.find((x) => x.area === 'North' && x.category === 'Burglary')!;
    // 7 rows; the three 10-vs-2 rows share the smallest p (0.0386) → q = 7·p/3 = 0.09 > 0.05.
    expectClose(north.vsPrevious.qValue, (7 * 0.03857421875) / 3, 1e-12);
    expect(north.vsPrevious.verdict).toBe('no significant change');
  });

  it('refuses codes without labels and mismatched columns', () => {
    const e = events();
    expect(() => comparePeriods({ ...e, areas: ['North'] }, { current })).toThrow(/areaCode 1 at event/);
    expect(() => comparePeriods({ ...e, categoryCode: new Int32Array(2) }, { current })).toThrow(
      /categoryCode has 2/,
    );
  });
});
