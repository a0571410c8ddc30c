import { describe, expect, it } from 'vitest';
import {
  covers,
  dataCoverage,
  monthCovered,
  monthKey,
} from '../../../../../shared/analysis/compare/coverage.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const month = (y: number, m: number) => [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1) - 1] as const; // police.uk window

describe('dataCoverage', () => {
  it('covers exactly April 2017 for a police.uk file holding only April 2017', () => {
    const [f, t] = month(2017, 4);
    const c = dataCoverage([f, f, f], [t, t, t])!;
    expect(c.startMs).toBe(day(2017, 4, 1));
    expect(c.endMs).toBe(day(2017, 5, 1));
    expect(c.missingMonths).toEqual([]);
    expect(covers(c, { fromMs: day(2017, 4, 1), toMs: day(2017, 5, 1) })).toBe(true);
    expect(covers(c, { fromMs: day(2017, 3, 1), toMs: day(2017, 4, 1) })).toBe(false); // previous month
    expect(covers(c, { fromMs: day(2016, 4, 1), toMs: day(2016, 5, 1) })).toBe(false); // last year
    expect(covers(c, { fromMs: day(2017, 5, 1), toMs: day(2017, 6, 1) })).toBe(false); // after the data
  });

  it('finds the month missing between two monthly downloads and refuses any period overlapping it', () => {
    const [jf, jt] = month(2024, 1);
    const [mf, mt] = month(2024, 3);
    const c = dataCoverage([jf, mf], [jt, mt])!;
    expect(c.missingMonths.map(monthKey)).toEqual(['2024-02']);
    expect(covers(c, { fromMs: day(2024, 1, 1), toMs: day(2024, 2, 1) })).toBe(true);
    expect(covers(c, { fromMs: day(2024, 1, 15), toMs: day(2024, 2, 2) })).toBe(false);
    expect(monthCovered(c, 2024 * 12 + 1)).toBe(false);
    expect(monthCovered(c, 2024 * 12 + 2)).toBe(true);
  });

  it('rounds exact times out to whole days: 09:30 on 3 Jan to 16:00 on 10 Jan covers 3–10 Jan', () => {
    const c = dataCoverage([day(2025, 1, 3) + 9.5 * 3_600_000], [day(2025, 1, 10) + 16 * 3_600_000])!;
    expect([c.startMs, c.endMs]).toEqual([day(2025, 1, 3), day(2025, 1, 11)]);
  });

  it('is null without records, and covers nothing then', () => {
    expect(dataCoverage([], [])).toBeNull();
    expect(covers(null, { fromMs: 0, toMs: 1 })).toBe(false);
  });
});
