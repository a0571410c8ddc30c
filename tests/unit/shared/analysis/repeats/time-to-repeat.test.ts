import { describe, expect, it } from 'vitest';
import { timeToRepeat } from '../../../../../shared/analysis/repeats/time-to-repeat.js';

const day = (d: number) => d * 86_400_000 + 12 * 3_600_000;

describe('timeToRepeat', () => {
  it('takes the gaps between consecutive events at each exact place, in whole days', () => {
    // Place A: days 0, 3, 40 → gaps 3, 37. Place B: days 10, 10 → gap 0. Place C: one event.
    // A month-only event at A (day 5) is left out. Gaps 0, 3, 37 → median 3.
    const r = timeToRepeat({
      x: [1, 1, 1, 2, 2, 3, 1],
      y: [1, 1, 1, 2, 2, 3, 1],
      timeMs: [day(40), day(0), day(3), day(10), day(10), day(1), day(5)],
      datedToDay: [1, 1, 1, 1, 1, 1, 0],
    });
    expect(r.places).toBe(2);
    expect(r.repeats).toBe(3);
    expect(r.medianDays).toBe(3);
    expect(r.within).toEqual([
      { days: 0, share: 1 / 3 },
      { days: 7, share: 2 / 3 },
      { days: 28, share: 2 / 3 },
      { days: 91, share: 1 },
      { days: 365, share: 1 },
    ]);
  });

  it('gives no shares and no median without repeats', () => {
    const r = timeToRepeat({ x: [1, 2], y: [1, 2], timeMs: [day(1), day(2)], datedToDay: [1, 1] });
    expect([r.repeats, r.medianDays, r.within[0].share]).toEqual([0, null, null]);
  });
});
