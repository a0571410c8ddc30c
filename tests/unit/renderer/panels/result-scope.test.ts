import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, toRecordFilter } from '../../../../renderer/src/panels/filter-state.js';
import { filterKey, staleNotice } from '../../../../renderer/src/panels/result-scope.js';

describe('filterKey', () => {
  it('is the same for the same selection reached in another order', () => {
    const a = toRecordFilter({
      ...EMPTY_FILTER,
      datasetIds: [3, 1],
      categories: ['Robbery', 'Burglary'],
      hours: [22, 23, 0],
    });
    const b = toRecordFilter({
      ...EMPTY_FILTER,
      hours: [0, 23, 22],
      categories: ['Burglary', 'Robbery'],
      datasetIds: [1, 3],
    });
    expect(filterKey(a)).toBe(filterKey(b));
  });

  it('differs when any part of the selection differs', () => {
    const base = { ...EMPTY_FILTER, fromDate: '2026-01-01', toDate: '2026-03-31' };
    const key = filterKey(toRecordFilter(base));
    const changed = [
      { ...base, toDate: '2026-03-30' },
      { ...base, categories: ['Burglary'] },
      { ...base, categories: [] },
      { ...base, datasetIds: [2] },
      { ...base, weekdays: [5, 6] },
      { ...base, areaFeatureId: 7 },
      EMPTY_FILTER,
    ];
    for (const state of changed) expect(filterKey(toRecordFilter(state))).not.toBe(key);
  });

  it('keeps the order of coordinates of a drawn area (only set-like lists are sorted)', () => {
    const ring = (pairs: number[][]) => ({ area: { polygon: [pairs] } });
    const a = filterKey(
      ring([
        [0, 1],
        [1, 0],
        [0, 0],
        [0, 1],
      ]) as never,
    );
    const b = filterKey(
      ring([
        [1, 0],
        [0, 1],
        [0, 0],
        [1, 0],
      ]) as never,
    );
    expect(a).not.toBe(b);
  });

  it('an untouched filter and an everything-selected filter are the same selection', () => {
    const all = toRecordFilter({
      ...EMPTY_FILTER,
      hours: Array.from({ length: 24 }, (_, h) => h),
      weekdays: [0, 1, 2, 3, 4, 5, 6],
    });
    expect(filterKey(all)).toBe(filterKey(toRecordFilter(EMPTY_FILTER)));
  });
});

describe('staleNotice', () => {
  it('names the result and the selection it was made from', () => {
    const text = staleNotice('kde', 'Police crimes; categories: Burglary; all dates');
    expect(text).toContain('hotspots');
    expect(text).toContain('Police crimes; categories: Burglary; all dates');
    expect(text).toContain('different selection');
  });
});
