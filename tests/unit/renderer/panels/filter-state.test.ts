import { describe, expect, it } from 'vitest';
import {
  activeParts,
  areaChoiceFilter,
  areaChoiceValue,
  datePresetRange,
  EMPTY_FILTER,
  hourRange,
  parseIsoDate,
  toRecordFilter,
} from '../../../../renderer/src/panels/filter-state.js';
import { wallClockMs } from '../../../../shared/model/time.js';
import { filterWords } from '../../../../shared/provenance/filter-words.js';

describe('parseIsoDate', () => {
  it('gives wall-clock midnight of a real date', () => {
    expect(parseIsoDate('2025-03-01')).toBe(wallClockMs(2025, 3, 1));
  });

  it('refuses impossible dates and other shapes', () => {
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toBe(wallClockMs(2024, 2, 29));
    expect(parseIsoDate('01/03/2025')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });
});

describe('toRecordFilter', () => {
  it('sends nothing for an untouched filter', () => {
    expect(toRecordFilter(EMPTY_FILTER)).toEqual({});
  });

  it('makes the to-date inclusive by ending the window at the next midnight', () => {
    const filter = toRecordFilter({ ...EMPTY_FILTER, fromDate: '2025-01-01', toDate: '2025-01-31' });
    expect(filter.fromMs).toBe(wallClockMs(2025, 1, 1));
    expect(filter.toMs).toBe(wallClockMs(2025, 2, 1));
  });

  it('leaves out a full hour or weekday selection but sends a partial or empty one, sorted', () => {
    const all = Array.from({ length: 24 }, (_, h) => h);
    expect(toRecordFilter({ ...EMPTY_FILTER, hours: all }).hours).toBeUndefined();
    expect(toRecordFilter({ ...EMPTY_FILTER, hours: [23, 0, 22] }).hours).toEqual([0, 22, 23]);
    expect(toRecordFilter({ ...EMPTY_FILTER, weekdays: [] }).weekdays).toEqual([]);
    expect(toRecordFilter({ ...EMPTY_FILTER, weekdays: [0, 1, 2, 3, 4, 5, 6] }).weekdays).toBeUndefined();
  });

  it('passes datasets, categories (an empty list matches nothing) and the area feature', () => {
    expect(toRecordFilter({ ...EMPTY_FILTER, datasetIds: [2], categories: [], areaFeatureId: 7 })).toEqual({
      datasetIds: [2],
      categories: [],
      area: { boundaryFeatureId: 7 },
    });
  });
});

describe('saved area in the filter', () => {
  it('sends a saved area as { areaId } and counts it as one part', () => {
    const state = { ...EMPTY_FILTER, savedAreaId: 4 };
    expect(toRecordFilter(state)).toEqual({ area: { areaId: 4 } });
    expect(activeParts(state)).toBe(1);
  });

  it('reads the select value both ways, and choosing one kind of area clears the other', () => {
    expect(areaChoiceFilter('saved:4')).toEqual({ areaFeatureId: null, savedAreaId: 4 });
    expect(areaChoiceFilter('feature:12')).toEqual({ areaFeatureId: 12, savedAreaId: null });
    expect(areaChoiceFilter('')).toEqual({ areaFeatureId: null, savedAreaId: null });
    expect(areaChoiceFilter('saved:')).toEqual({ areaFeatureId: null, savedAreaId: null });
    expect(areaChoiceValue({ areaFeatureId: null, savedAreaId: 4 })).toBe('saved:4');
    expect(areaChoiceValue({ areaFeatureId: 12, savedAreaId: null })).toBe('feature:12');
    expect(areaChoiceValue({ areaFeatureId: null, savedAreaId: null })).toBe('');
    const onSaved = { ...EMPTY_FILTER, savedAreaId: 4 };
    const switched = { ...onSaved, ...areaChoiceFilter('feature:12') };
    expect(toRecordFilter(switched).area).toEqual({ boundaryFeatureId: 12 });
  });

  it('is named in words by the filter-words rule', () => {
    const words = filterWords(toRecordFilter({ ...EMPTY_FILTER, savedAreaId: 4 }), {
      dataset: () => 'unused',
      area: () => 'unused',
      savedArea: (id) => (id === 4 ? 'Market Square (saved area)' : 'wrong'),
    });
    expect(words).toBe('all datasets; all categories; all dates; in Market Square (saved area)');
  });
});

describe('datePresetRange', () => {
  const latest = wallClockMs(2025, 12, 31, 18, 0);

  it('last-28-days ends on the latest date and spans 28 days', () => {
    expect(datePresetRange('last-28-days', latest)).toEqual({ fromDate: '2025-12-04', toDate: '2025-12-31' });
  });

  it('last-quarter is the latest date’s quarter when the data reach its last day', () => {
    expect(datePresetRange('last-quarter', latest)).toEqual({ fromDate: '2025-10-01', toDate: '2025-12-31' });
  });

  it('last-quarter is the quarter before when the latest quarter is incomplete', () => {
    expect(datePresetRange('last-quarter', wallClockMs(2025, 11, 15))).toEqual({
      fromDate: '2025-07-01',
      toDate: '2025-09-30',
    });
    expect(datePresetRange('last-quarter', wallClockMs(2025, 2, 10))).toEqual({
      fromDate: '2024-10-01',
      toDate: '2024-12-31',
    });
  });

  it('last-12-months runs from the day after the same date a year before', () => {
    expect(datePresetRange('last-12-months', latest)).toEqual({
      fromDate: '2025-01-01',
      toDate: '2025-12-31',
    });
    expect(datePresetRange('last-12-months', wallClockMs(2024, 2, 29))).toEqual({
      fromDate: '2023-03-01',
      toDate: '2024-02-29',
    });
  });
});

describe('hourRange', () => {
  it('wraps past midnight', () => {
    expect(hourRange(22, 2)).toEqual([22, 23, 0, 1, 2]);
    expect(hourRange(9, 9)).toEqual([9]);
  });

  it('refuses hours outside 0–23', () => {
    expect(() => hourRange(0, 24)).toThrow(RangeError);
    expect(() => hourRange(1.5, 3)).toThrow('fromHour must be a whole hour 0–23, got 1.5');
  });
});

describe('activeParts', () => {
  it('counts each restricting part once, dates as one', () => {
    expect(activeParts(EMPTY_FILTER)).toBe(0);
    expect(
      activeParts({
        ...EMPTY_FILTER,
        fromDate: '2025-01-01',
        toDate: '2025-02-01',
        categories: ['Burglary'],
      }),
    ).toBe(2);
    expect(activeParts({ ...EMPTY_FILTER, hours: Array.from({ length: 24 }, (_, h) => h) })).toBe(0);
  });
});
