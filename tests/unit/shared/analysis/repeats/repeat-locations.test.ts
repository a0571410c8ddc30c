import { describe, expect, it } from 'vitest';
import { repeatLocations } from '../../../../../shared/analysis/repeats/repeat-locations.js';

const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12);

// A hand-made street: "Queensway" is a ring road, its events 3 km apart; 12 Mill Lane has four
// events at one point, one of them with no location text; two events share a point with no text.
const locations = ['Queensway', 'On or near Mill Lane', 'Mill Lane (shop)'];
const events = [
  { x: 400000, y: 100000, t: at(2025, 1, 1), loc: 0, day: 1 }, // Queensway, west
  { x: 403000, y: 100000, t: at(2025, 1, 2), loc: 0, day: 1 }, // Queensway, 3 km east
  { x: 401000.5, y: 101000.25, t: at(2025, 1, 10), loc: 1, day: 1 },
  { x: 401000.5, y: 101000.25, t: at(2025, 1, 3), loc: 1, day: 1 },
  { x: 401000.5, y: 101000.25, t: at(2025, 1, 20), loc: 2, day: 1 },
  { x: 401000.5, y: 101000.25, t: at(2025, 1, 5), loc: -1, day: 1 },
  { x: 401000.5, y: 101000.26, t: at(2025, 1, 6), loc: 1, day: 1 }, // 1 cm away: another point
  { x: 402000, y: 102000, t: at(2025, 3, 15), loc: -1, day: 0 }, // month-only
  { x: 402000, y: 102000, t: at(2025, 2, 14), loc: -1, day: 0 },
];

function run() {
  return repeatLocations({
    x: events.map((e) => e.x),
    y: events.map((e) => e.y),
    timeMs: events.map((e) => e.t),
    datedToDay: events.map((e) => e.day),
    locationCode: events.map((e) => e.loc),
    locations,
  });
}

describe('repeatLocations', () => {
  it('does not make one repeat of two points 3 km apart that share a location text', () => {
    expect(run().some((r) => r.location === 'Queensway')).toBe(false);
  });

  it('groups the four events at one identical point, counts them and names the place by its commonest text', () => {
    const mill = run()[0]!;
    expect(mill).toEqual({
      location: 'On or near Mill Lane',
      x: 401000.5,
      y: 101000.25,
      count: 4,
      firstDate: '2025-01-03',
      lastDate: '2025-01-20',
      // Days 3, 5, 10, 20 → gaps 2, 5, 10: median 5, shortest 2.
      medianDaysToRepeat: 5,
      minDaysToRepeat: 2,
    });
  });

  it('gives no day and no time to repeat for month-only events (their day is unknown) but still counts the place', () => {
    const monthly = run().find((r) => r.x === 402000)!;
    expect(monthly.count).toBe(2);
    expect(monthly.location).toBeNull();
    // Their midpoints fall on 14 February and 15 March, but only the months are known.
    expect([monthly.firstDate, monthly.lastDate]).toEqual(['2025-02', '2025-03']);
    expect(monthly.medianDaysToRepeat).toBeNull();
    expect(monthly.minDaysToRepeat).toBeNull();
  });

  it('lists only places with two or more events, most first', () => {
    expect(run().map((r) => r.count)).toEqual([4, 2]);
  });

  it('takes the mean of the middle two gaps for an even number of gaps', () => {
    const r = repeatLocations({
      x: [1, 1, 1, 1, 1],
      y: [2, 2, 2, 2, 2],
      timeMs: [at(2025, 1, 1), at(2025, 1, 2), at(2025, 1, 5), at(2025, 1, 11), at(2025, 1, 21)],
      datedToDay: [1, 1, 1, 1, 1],
      locationCode: [-1, -1, -1, -1, -1],
      locations: [],
    });
    // Gaps 1, 3, 6, 10 → median (3 + 6) / 2.
    expect(r[0]!.medianDaysToRepeat).toBe(4.5);
  });

  it('refuses columns of different lengths', () => {
    expect(() =>
      repeatLocations({ x: [1], y: [], timeMs: [0], datedToDay: [1], locationCode: [-1], locations: [] }),
    ).toThrow(RangeError);
  });
});
