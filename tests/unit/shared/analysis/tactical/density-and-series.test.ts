import { describe, expect, it } from 'vitest';
import { densityDifference } from '../../../../../shared/analysis/tactical/density-difference.js';
import { periodSeries } from '../../../../../shared/analysis/tactical/period-series.js';

const grid = (values: number[]) => ({
  width: 2,
  height: 2,
  originX: 1000,
  originY: 2000,
  cellSizeM: 50,
  values: Float64Array.from(values),
});

describe('densityDifference', () => {
  it('subtracts cell by cell and finds the largest rise and fall at cell centres', () => {
    const diff = densityDifference(grid([5, 1, 2, Number.NaN]), grid([1, 4, 2, 3]));
    expect(Array.from(diff.grid.values.slice(0, 3))).toEqual([4, -3, 0]);
    expect(diff.grid.values[3]).toBeNaN();
    // Row 0 is the north row: cell 0 is at (1025, 2075), cell 1 at (1075, 2075).
    expect(diff.largestRise).toEqual({ x: 1025, y: 2075, value: 4 });
    expect(diff.largestFall).toEqual({ x: 1075, y: 2075, value: -3 });
  });

  it('refuses grids that are not the same', () => {
    expect(() => densityDifference(grid([1, 1, 1, 1]), { ...grid([1, 1, 1, 1]), cellSizeM: 25 })).toThrow(
      /cellSizeM/,
    );
  });
});

describe('periodSeries', () => {
  it('counts series that start in the period as new and leaves hotspot-like chains out', () => {
    const s = periodSeries(
      [
        { firstDate: '2025-03-30', lastDate: '2025-04-02', live: false, flag: null },
        { firstDate: '2025-04-01', lastDate: '2025-06-29', live: true, flag: null },
        { firstDate: '2025-05-01', lastDate: '2025-05-20', live: false, flag: 'hotspot-like' },
        { firstDate: '2025-06-30', lastDate: '2025-06-30', live: true, flag: null },
      ],
      { from: '2025-04-01', to: '2025-06-30' },
    );
    expect(s).toEqual({ newSeries: [1, 3], liveSeries: [1, 3], hotspotLike: 1 });
  });
});
