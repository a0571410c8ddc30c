import { describe, expect, it } from 'vitest';
import {
  midpointTimes,
  previousPeriod,
  samePeriodLastYear,
  spanDays,
} from '../../../../../shared/analysis/compare/periods.js';
import { wallClockMs } from '../../../../../shared/model/time.js';

describe('periods', () => {
  const october = { fromMs: wallClockMs(2025, 10, 1), toMs: wallClockMs(2025, 11, 1) };

  it('previousPeriod of October 2025 (31 days) is 31 days ending 1 October: [31 Aug, 1 Oct)', () => {
    expect(previousPeriod(october)).toEqual({
      fromMs: wallClockMs(2025, 8, 31),
      toMs: wallClockMs(2025, 10, 1),
    });
    expect(spanDays(october)).toBe(31);
  });

  it('samePeriodLastYear of October 2025 is October 2024', () => {
    expect(samePeriodLastYear(october)).toEqual({
      fromMs: wallClockMs(2024, 10, 1),
      toMs: wallClockMs(2024, 11, 1),
    });
  });

  it('samePeriodLastYear moves 29 February 2024 to 1 March 2023', () => {
    const leap = { fromMs: wallClockMs(2024, 2, 29), toMs: wallClockMs(2024, 3, 7) };
    expect(samePeriodLastYear(leap)).toEqual({
      fromMs: wallClockMs(2023, 3, 1),
      toMs: wallClockMs(2023, 3, 7),
    });
  });

  it('refuses an empty or reversed period', () => {
    expect(() => previousPeriod({ fromMs: 5, toMs: 5 })).toThrow(/fromMs < toMs/);
  });

  it('midpointTimes gives the window midpoints', () => {
    expect([...midpointTimes(Float64Array.of(0, 10), Float64Array.of(0, 30))]).toEqual([0, 20]);
  });
});
