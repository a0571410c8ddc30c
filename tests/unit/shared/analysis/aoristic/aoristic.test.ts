import { describe, expect, it } from 'vitest';
import {
  aoristic,
  HOURS_PER_WEEK,
  hourOfWeekCell,
  marginals,
} from '../../../../../shared/analysis/aoristic/aoristic.js';
import { MS_PER_DAY, PRECISION_CODE, wallClockMs } from '../../../../../shared/model/time.js';
import { createRandom } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';

// 2024-01-01 was a Monday, so 2024-01-05 is a Friday and 2024-01-07 a Sunday.
const cell = (weekday: number, hour: number) => weekday * 24 + hour;

function run(
  windows: [number, number][],
  extra: { precision?: number[]; weight?: number[]; allowMonth?: boolean } = {},
) {
  return aoristic(
    {
      fromMs: Float64Array.from(windows, (w) => w[0]),
      toMs: Float64Array.from(windows, (w) => w[1]),
      precision: extra.precision ? Uint8Array.from(extra.precision) : undefined,
      weight: extra.weight ? Float64Array.from(extra.weight) : undefined,
    },
    { allowMonthPrecision: extra.allowMonth },
  );
}

function expectCells(actual: Float64Array, expected: Record<number, number>) {
  for (let c = 0; c < HOURS_PER_WEEK; c++) expectClose(actual[c], expected[c] ?? 0, 1e-12, `cell ${c}`);
}

describe('hourOfWeekCell', () => {
  it('puts Monday 00:00 in cell 0, Sunday 23:59 in cell 167 and a 1969 time in its weekday', () => {
    expect(hourOfWeekCell(wallClockMs(2024, 1, 1, 0, 0))).toBe(0);
    expect(hourOfWeekCell(wallClockMs(2024, 1, 7, 23, 59))).toBe(167);
    // 1969-12-31 was a Wednesday.
    expect(hourOfWeekCell(wallClockMs(1969, 12, 31, 23, 30))).toBe(cell(2, 23));
  });
});

describe('aoristic', () => {
  it('gives an exact time 1 in its hour', () => {
    const t = wallClockMs(2024, 1, 5, 14, 20);
    const r = run([[t, t]]);
    expectCells(r.hourOfWeek, { [cell(4, 14)]: 1 });
    expect(r.treated.exact).toBe(1);
  });

  it('spreads Fri 22:30 – Sat 01:30 as 1/6, 1/3, 1/3, 1/6 across midnight', () => {
    const r = run([[wallClockMs(2024, 1, 5, 22, 30), wallClockMs(2024, 1, 6, 1, 30)]]);
    expectCells(r.hourOfWeek, {
      [cell(4, 22)]: 1 / 6,
      [cell(4, 23)]: 1 / 3,
      [cell(5, 0)]: 1 / 3,
      [cell(5, 1)]: 1 / 6,
    });
    expectClose(r.weekday[4], 0.5, 1e-12);
    expectClose(r.weekday[5], 0.5, 1e-12);
    expectClose(r.hourOfDay[0], 1 / 3, 1e-12);
  });

  it('wraps Sunday 23:00 – Monday 01:00 from cell 167 to cells 0', () => {
    const r = run([[wallClockMs(2024, 1, 7, 23, 0), wallClockMs(2024, 1, 8, 1, 0)]]);
    expectCells(r.hourOfWeek, { 167: 0.5, 0: 0.5 });
  });

  it('keeps a window inside one hour in that hour', () => {
    const r = run([[wallClockMs(2024, 1, 3, 10, 5), wallClockMs(2024, 1, 3, 10, 35)]]);
    expectCells(r.hourOfWeek, { [cell(2, 10)]: 1 });
  });

  it('spreads a window of exactly one week, and of ten days, as 1/168 in every cell', () => {
    const a = wallClockMs(2024, 1, 3, 10, 17);
    for (const days of [7, 10]) {
      const r = run([[a, a + days * MS_PER_DAY]]);
      for (let c = 0; c < HOURS_PER_WEEK; c++) expectClose(r.hourOfWeek[c], 1 / 168, 1e-12);
      expect(r.treated.spreadEvenly).toBe(1);
    }
  });

  it('spreads by overlap when the window is just under a week (Mon 00:00 – Sun 23:00: 1/167 each, 0 at Sun 23)', () => {
    const r = run([[wallClockMs(2024, 1, 1, 0, 0), wallClockMs(2024, 1, 7, 23, 0)]]);
    const expected: Record<number, number> = {};
    for (let c = 0; c < 167; c++) expected[c] = 1 / 167;
    expectCells(r.hourOfWeek, expected);
  });

  it('spreads a date-precision event over the 24 hours of its day, whatever its stored end', () => {
    const day = wallClockMs(2024, 1, 3);
    for (const to of [day, day + MS_PER_DAY - 1]) {
      const r = run([[day, to]], { precision: [PRECISION_CODE.date] });
      const expected: Record<number, number> = {};
      for (let h = 0; h < 24; h++) expected[cell(2, h)] = 1 / 24;
      expectCells(r.hourOfWeek, expected);
      expect(r.treated.date).toBe(1);
    }
  });

  it('spreads a two-day date range (Sat and Sun) as 1/48 per hour', () => {
    const r = run([[wallClockMs(2024, 1, 6), wallClockMs(2024, 1, 7, 23, 59)]], {
      precision: [PRECISION_CODE.date],
    });
    expectClose(r.weekday[5], 0.5, 1e-12);
    expectClose(r.weekday[6], 0.5, 1e-12);
    expectClose(r.hourOfWeek[cell(6, 13)], 1 / 48, 1e-12);
  });

  it('refuses month-precision events unless overridden, then spreads them evenly', () => {
    const windows: [number, number][] = [[wallClockMs(2024, 2, 1), wallClockMs(2024, 2, 29, 23, 59)]];
    expect(() => run(windows, { precision: [PRECISION_CODE.month] })).toThrow(
      /1 events have month-only dates/,
    );
    const r = run(windows, { precision: [PRECISION_CODE.month], allowMonth: true });
    for (let c = 0; c < HOURS_PER_WEEK; c++) expectClose(r.hourOfWeek[c], 1 / 168, 1e-12);
    expect(r.treated.month).toBe(1);
  });

  it('multiplies by the weights', () => {
    const t = wallClockMs(2024, 1, 5, 14, 20);
    const r = run(
      [
        [t, t],
        [wallClockMs(2024, 1, 1, 9, 30), wallClockMs(2024, 1, 1, 10, 30)],
      ],
      { weight: [2.5, 4] },
    );
    expectCells(r.hourOfWeek, { [cell(4, 14)]: 2.5, [cell(0, 9)]: 2, [cell(0, 10)]: 2 });
    expectClose(r.total, 6.5, 1e-12);
  });

  it('refuses windows that end before they start, non-finite times and mismatched columns', () => {
    expect(() => run([[10, 5]])).toThrow(/event 0 ends before it starts/);
    expect(() => run([[Number.NaN, 5]])).toThrow(/non-finite/);
    expect(() => aoristic({ fromMs: new Float64Array(2), toMs: new Float64Array(1) })).toThrow(
      /toMs has 1 values/,
    );
  });

  it('equals a minute-by-minute brute force on 300 random windows (relative error <= 1e-9) and sums to the count', () => {
    const rng = createRandom(11);
    const n = 300;
    const from = new Float64Array(n);
    const to = new Float64Array(n);
    const reference = new Float64Array(HOURS_PER_WEEK);
    const base = wallClockMs(2024, 3, 1);
    for (let i = 0; i < n; i++) {
      const startMin = rng.int(0, 60 * 24 * 365);
      // Mostly hours-long windows, some several days, some exact.
      const lengthMin =
        rng.next() < 0.1 ? 0 : rng.next() < 0.8 ? rng.int(1, 60 * 12) : rng.int(60 * 24, 60 * 24 * 6);
      from[i] = base + startMin * 60_000;
      to[i] = from[i] + lengthMin * 60_000;
      if (lengthMin === 0) reference[hourOfWeekCell(from[i])] += 1;
      for (let m = 0; m < lengthMin; m++) reference[hourOfWeekCell(from[i] + m * 60_000)] += 1 / lengthMin;
    }
    const r = aoristic({ fromMs: from, toMs: to });
    for (let c = 0; c < HOURS_PER_WEEK; c++) expectClose(r.hourOfWeek[c], reference[c], 1e-9, `cell ${c}`);
    expectClose(r.total, n, 1e-12);
    const m = marginals(r.hourOfWeek);
    expectClose(
      m.hourOfDay.reduce((s, v) => s + v, 0),
      n,
      1e-12,
    );
    expectClose(
      m.weekday.reduce((s, v) => s + v, 0),
      n,
      1e-12,
    );
  });

  it('reports progress ending at (n, n)', () => {
    const calls: [number, number][] = [];
    aoristic(
      { fromMs: new Float64Array(3), toMs: new Float64Array(3) },
      { progress: (d, t) => calls.push([d, t]) },
    );
    expect(calls[calls.length - 1]).toEqual([3, 3]);
  });
});
