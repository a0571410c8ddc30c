import { describe, expect, it } from 'vitest';
import { drawWindow, TimeSampler } from '../../../../shared/generate/time-sampling.js';
import { MS_PER_DAY, wallClockMs, weekdayOf } from '../../../../shared/model/time.js';
import { createRandom } from '../../../../shared/util/random.js';

const period = { startMs: wallClockMs(2024, 1, 1), endMs: wallClockMs(2024, 3, 1) };

describe('drawWindow', () => {
  it('returns the exact time when no window shape is drawn', () => {
    const t = wallClockMs(2024, 1, 10, 13, 37);
    expect(drawWindow(createRandom(1), t, [])).toEqual({ fromMs: t, toMs: t });
  });

  it('draws quarter-hour windows that contain the true time and have about the drawn length', () => {
    const rng = createRandom(2);
    for (let i = 0; i < 1000; i++) {
      const t = wallClockMs(2024, 1, 10) + rng.int(0, 24 * 60) * 60_000;
      const w = drawWindow(rng, t, [{ p: 1, minHours: 2, maxHours: 6 }]);
      expect(w.fromMs % (15 * 60_000)).toBe(0);
      expect(w.toMs % (15 * 60_000)).toBe(0);
      expect(w.fromMs <= t && t <= w.toMs).toBe(true);
      const hours = (w.toMs - w.fromMs) / 3_600_000;
      expect(hours >= 2 - 0.25 && hours <= 6 + 0.5).toBe(true);
    }
  });
});

describe('TimeSampler', () => {
  it('never draws a day of weight 0 and keeps every time inside the period', () => {
    const sampler = new TimeSampler(period, {
      dayWeight: (ms) => (weekdayOf(ms) === 2 ? 1 : 0), // Wednesdays only
      hourWeight: Array.from({ length: 24 }, (_, h) => (h === 23 ? 1 : 0)),
      windows: [{ p: 0.5, minHours: 1, maxHours: 3 }],
    });
    const rng = createRandom(3);
    for (let i = 0; i < 2000; i++) {
      const w = sampler.sample(rng);
      expect(w.fromMs >= period.startMs && w.toMs < period.endMs).toBe(true);
      if (w.fromMs === w.toMs) {
        expect(weekdayOf(w.fromMs)).toBe(2);
        expect(new Date(w.fromMs).getUTCHours()).toBe(23);
      }
    }
  });

  it('puts night-profile hours after midnight on the next day (Friday night 01:00 is Saturday)', () => {
    const sampler = new TimeSampler(period, {
      dayWeight: (ms) => (weekdayOf(ms) === 4 ? 1 : 0), // nights beginning on Fridays
      hourWeight: [0, 0, 0, 1, 0], // 22, 23, 00, 01, 02 → always 01:xx
      night: true,
    });
    const rng = createRandom(4);
    for (let i = 0; i < 500; i++) {
      const { fromMs } = sampler.sample(rng);
      expect(weekdayOf(fromMs)).toBe(5);
      expect(new Date(fromMs).getUTCHours()).toBe(1);
    }
  });

  it('draws days in proportion to their weights (weekends three times as likely)', () => {
    const sampler = new TimeSampler(period, {
      dayWeight: (ms) => (weekdayOf(ms) >= 5 ? 3 : 1),
      hourWeight: [1],
    });
    const rng = createRandom(5);
    let weekend = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) if (weekdayOf(sampler.day(rng)) >= 5) weekend++;
    // January and February 2024 have 16 weekend days and 44 weekdays: expected share 48 / 92.
    expect(Math.abs(weekend / n - 48 / 92)).toBeLessThan(0.015);
  });

  it('refuses a profile that gives every day weight 0', () => {
    expect(() => new TimeSampler(period, { dayWeight: () => 0, hourWeight: [1] })).toThrow(/weight 0/);
    expect(
      () => new TimeSampler({ startMs: 0, endMs: MS_PER_DAY / 2 }, { dayWeight: () => 1, hourWeight: [1] }),
    ).toThrow(/whole days/);
  });
});
