import { describe, expect, it } from 'vitest';
import { peakHours, timeProfile } from '../../../../../shared/analysis/hotspots/hour-profile.js';
import { PRECISION_CODE, wallClockMs } from '../../../../../shared/model/time.js';
import { expectClose } from '../../../expect-close.js';

// Monday 6 January 2025.
const from = Float64Array.of(
  wallClockMs(2025, 1, 6, 14, 59), // exact, Monday 14:00
  wallClockMs(2025, 1, 10, 22, 30), // window Friday 22:30 – Saturday 01:30
  wallClockMs(2025, 1, 7), // date only
  wallClockMs(2025, 1, 1), // month only
  wallClockMs(2025, 1, 8, 9, 0), // exact, not in the index list
);
const to = Float64Array.of(
  from[0],
  wallClockMs(2025, 1, 11, 1, 30),
  wallClockMs(2025, 1, 8) - 1,
  wallClockMs(2025, 2, 1) - 1,
  from[4],
);
const precision = Uint8Array.of(
  PRECISION_CODE.exact,
  PRECISION_CODE.window,
  PRECISION_CODE.date,
  PRECISION_CODE.month,
  PRECISION_CODE.exact,
);

describe('timeProfile', () => {
  it('puts exact times in their hour and spreads windows aoristically (1/6, 1/3, 1/3, 1/6)', () => {
    const p = timeProfile(from, to, precision, [0, 1]);
    expect(p.hours[14]).toBe(1);
    expectClose(p.hours[22], 1 / 6, 1e-12);
    expectClose(p.hours[23], 1 / 3, 1e-12);
    expectClose(p.hours[0], 1 / 3, 1e-12);
    expectClose(p.hours[1], 1 / 6, 1e-12);
    expectClose(p.weekdays[0], 1, 1e-12);
    expectClose(p.weekdays[4], 0.5, 1e-12);
    expectClose(p.weekdays[5], 0.5, 1e-12);
    expect([p.timed, p.untimed]).toEqual([2, 0]);
  });

  it('counts date-only and month-only events as untimed instead of spreading them over the day', () => {
    const p = timeProfile(from, to, precision, [0, 2, 3]);
    expect(p.hours.reduce((a, b) => a + b, 0)).toBe(1);
    expect([p.timed, p.untimed]).toEqual([1, 2]);
  });

  it('uses only the listed events', () => {
    const p = timeProfile(from, to, precision, [4]);
    expect(p.hours[9]).toBe(1);
    expect(p.weekdays[2]).toBe(1);
  });
});

describe('peakHours', () => {
  it('lists peak hours largest first, earlier hour on ties', () => {
    const hours = new Array<number>(24).fill(0);
    hours[5] = 2;
    hours[20] = 3;
    hours[1] = 2;
    expect(peakHours({ hours, weekdays: [], timed: 7, untimed: 0 }, 3)).toEqual([20, 1, 5]);
  });
});
