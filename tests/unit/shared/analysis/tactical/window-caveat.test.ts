/**
 * The window caveat counts, by hand: records whose midpoint is in the period, those with a from/to
 * window, and those windows longer than the limit (strictly longer), with the denominator in words.
 */
import { describe, expect, it } from 'vitest';
import { countWindows, windowCaveat } from '../../../../../shared/analysis/tactical/window-caveat.js';

const DAY = 86_400_000;
const period = { fromMs: 100 * DAY, toMs: 130 * DAY };

describe('countWindows', () => {
  it('counts only records whose midpoint falls in [from, to), and windows longer than 7 days', () => {
    const counts = countWindows(
      {
        // in, in, in, in, at the end (out), before (out)
        midMs: [100 * DAY, 110 * DAY, 120 * DAY, 129 * DAY, 130 * DAY, 99 * DAY],
        lengthMs: [0, 7 * DAY, 7 * DAY + 1, 30 * DAY, 30 * DAY, 30 * DAY],
        isWindow: [false, true, true, true, true, true],
      },
      period,
      7,
    );
    expect(counts).toEqual({ records: 4, windows: 3, longer: 2 });
  });

  it('refuses arrays of different lengths and a negative limit', () => {
    expect(() => countWindows({ midMs: [1], lengthMs: [], isWindow: [true] }, period, 7)).toThrow(RangeError);
    expect(() => countWindows({ midMs: [], lengthMs: [], isWindow: [] }, period, -1)).toThrow(RangeError);
  });
});

describe('windowCaveat', () => {
  it('states N of M records and how many windows are longer than the limit', () => {
    expect(windowCaveat({ records: 1282, windows: 682, longer: 120 }, 7)).toBe(
      '682 of 1,282 records this period (53%) have a from/to window rather than a known time, ' +
        'and 120 of those 682 windows are longer than 7 days. ' +
        'Each is counted on its window’s midpoint: a long window near the start or end of a period may belong to the period beside it, ' +
        'and its day is too uncertain to link it firmly into a series.',
    );
  });

  it('says nothing when no record has a window', () => {
    expect(windowCaveat({ records: 10, windows: 0, longer: 0 }, 7)).toBeNull();
  });
});
