import { describe, expect, it } from 'vitest';
import {
  dataLine,
  dayWindows,
  eventsInPeriod,
  periodOption,
} from '../../../../../electron/cli/commands/gistar-input.js';
import type { HotspotEvents } from '../../../../../shared/analysis/hotspots/hotspots.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

describe('periodOption', () => {
  it('reads --from/--to as whole days, both inclusive', () => {
    expect(periodOption('01/03/2024', '31/03/2024')).toEqual({
      fromMs: Date.UTC(2024, 2, 1),
      toMs: Date.UTC(2024, 3, 1) - 1,
    });
    expect(periodOption(undefined, '05/01/2025')).toEqual({
      fromMs: -Infinity,
      toMs: Date.UTC(2025, 0, 6) - 1,
    });
    expect(periodOption(undefined, undefined)).toBeNull();
  });

  it('refuses a date that is not dd/mm/yyyy or a period that ends before it starts', () => {
    expect(() => periodOption('2024-03-01', undefined)).toThrow(/--from must be a date dd\/mm\/yyyy/);
    expect(() => periodOption('02/03/2024', '01/03/2024')).toThrow(/--from must not be after --to/);
  });
});

describe('eventsInPeriod', () => {
  it('keeps the events whose window overlaps the period, with their weights and categories', () => {
    const windows = dayWindows(
      Int32Array.from([day(2024, 2, 29), day(2024, 3, 1), day(2024, 3, 31), day(2024, 4, 1)]),
    );
    const events: HotspotEvents = {
      x: Float64Array.from([1, 2, 3, 4]),
      y: Float64Array.from([5, 6, 7, 8]),
      weight: Float64Array.from([1, 2, 3, 4]),
      categoryCode: Int32Array.from([0, 1, 1, 0]),
      categories: ['Burglary', 'Robbery'],
      ...windows,
    };
    const march = eventsInPeriod(events, periodOption('01/03/2024', '31/03/2024')!);
    expect(Array.from(march.x)).toEqual([2, 3]);
    expect(Array.from(march.y)).toEqual([6, 7]);
    expect(Array.from(march.weight!)).toEqual([2, 3]);
    expect(Array.from(march.categoryCode!)).toEqual([1, 1]);
    // A month-long record (01/02–31/03) overlaps March, so it counts.
    const month: HotspotEvents = {
      x: Float64Array.of(0),
      y: Float64Array.of(0),
      fromMs: Float64Array.of(Date.UTC(2024, 1, 1)),
      toMs: Float64Array.of(Date.UTC(2024, 3, 1) - 1),
    };
    expect(eventsInPeriod(month, periodOption('15/03/2024', undefined)!).x.length).toBe(1);
    expect(eventsInPeriod(month, periodOption('01/04/2024', undefined)!).x.length).toBe(0);
  });
});

describe('dataLine', () => {
  const dated: HotspotEvents = {
    x: Float64Array.of(0, 0, 0),
    y: Float64Array.of(0, 0, 0),
    categoryCode: Int32Array.of(0, 2, -1),
    categories: ['Burglary', 'Robbery', 'Vehicle crime'],
    ...dayWindows(Int32Array.of(day(2024, 1, 1), day(2025, 12, 31), day(2025, 6, 1))),
  };

  it('states the dates found and that neither dates nor categories were filtered', () => {
    expect(dataLine(dated, 3, null)).toBe(
      'Data: 3 events dated 01/01/2024–31/12/2025, dates not filtered; categories not filtered (2 present)',
    );
  });

  it('states the period asked for and how many of the events were in it', () => {
    expect(dataLine(dated, 8905, periodOption('01/01/2024', undefined))).toBe(
      'Data: 3 of 8,905 events, those dated within 01/01/2024–the last date (found 01/01/2024–31/12/2025); categories not filtered (2 present)',
    );
  });

  it('says when the dates are not known', () => {
    expect(dataLine({ x: Float64Array.of(1, 2), y: Float64Array.of(1, 2) }, 2, null)).toBe(
      'Data: all 2 usable rows, dates not known or filtered (give --date to state them, --from/--to to filter); categories not filtered (hotspot gistar has no category filter: cut the CSV to the crimes wanted first)',
    );
  });
});
