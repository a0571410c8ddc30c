import { describe, expect, it } from 'vitest';
import { topCategories } from '../../../../renderer/src/charts/category-bars.js';
import { fillMonths, monthLabel } from '../../../../renderer/src/charts/trend.js';
import { hourWeekOf } from '../../../../shared/analysis/aoristic/hour-week.js';
import { PRECISION_CODE, wallClockMs } from '../../../../shared/model/time.js';

describe('fillMonths', () => {
  it('fills the months without records with zero, across a year end', () => {
    expect(
      fillMonths([
        { month: '2025-01', count: 2 },
        { month: '2024-11', count: 5 },
      ]),
    ).toEqual([
      { month: '2024-11', count: 5 },
      { month: '2024-12', count: 0 },
      { month: '2025-01', count: 2 },
    ]);
    expect(fillMonths([])).toEqual([]);
    expect(monthLabel('2024-12')).toBe('Dec 24');
  });
});

describe('topCategories', () => {
  it('keeps the largest categories and sums the rest into one bar', () => {
    expect(
      topCategories(
        [
          { category: 'A', count: 1 },
          { category: 'B', count: 9 },
          { category: null, count: 3 },
          { category: 'C', count: 2 },
        ],
        2,
      ),
    ).toEqual([
      { label: 'B', count: 9 },
      { label: '(no category)', count: 3 },
      { label: 'Other categories (2)', count: 3 },
    ]);
  });
});

describe('hourWeekOf', () => {
  it('puts an exact event in its hour, spreads a window by overlap, and leaves month-only records out', () => {
    // 2025-01-06 was a Monday.
    const exact = wallClockMs(2025, 1, 6, 9, 30);
    const from = wallClockMs(2025, 1, 7, 22, 30);
    const to = wallClockMs(2025, 1, 8, 1, 30);
    const month = wallClockMs(2025, 1, 1);
    const table = hourWeekOf({
      count: 3,
      fromMs: Float64Array.from([exact, from, month]),
      toMs: Float64Array.from([exact, to, wallClockMs(2025, 1, 31, 23, 59)]),
      precision: Uint8Array.from([PRECISION_CODE.exact, PRECISION_CODE.window, PRECISION_CODE.month]),
    });
    expect(table.monthOnly).toBe(1);
    expect(table.total).toBeCloseTo(2, 12);
    expect(table.cells[0 * 24 + 9]).toBe(1);
    expect(table.cells[1 * 24 + 22]).toBeCloseTo(1 / 6, 12);
    expect(table.cells[1 * 24 + 23]).toBeCloseTo(1 / 3, 12);
    expect(table.cells[2 * 24 + 0]).toBeCloseTo(1 / 3, 12);
    expect(table.cells[2 * 24 + 1]).toBeCloseTo(1 / 6, 12);
    expect(table.weekday[1]).toBeCloseTo(0.5, 12);
  });
});
