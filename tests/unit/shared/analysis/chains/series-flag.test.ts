import { describe, expect, it } from 'vitest';
import {
  hotspotMembership,
  SERIES_MAX_EVENTS,
  SERIES_MAX_SPAN_DAYS,
  seriesFlag,
} from '../../../../../shared/analysis/chains/series-flag.js';

const square = (x0: number, y0: number, side: number) => [
  [
    [
      [x0, y0],
      [x0 + side, y0],
      [x0 + side, y0 + side],
      [x0, y0 + side],
      [x0, y0],
    ],
  ],
];

/**
 * A run over days 0 … 99 (T = 100): the chain 0–2 (days 10–12, span 2, so w = 3) inside the square
 * [0, 100]², `others` more events inside it on other days, one event outside on day 0 and on day 99.
 */
function run(others: number) {
  const x = [10, 20, 30];
  const y = [10, 20, 30];
  const day = [10, 11, 12];
  for (let k = 0; k < others; k++) {
    x.push(50);
    y.push(50);
    day.push(20 + (k % 70));
  }
  x.push(900, 900);
  y.push(900, 900);
  day.push(0, 99);
  return { x: Float64Array.from(x), y: Float64Array.from(y), day: Int32Array.from(day) };
}

describe('hotspotMembership', () => {
  it('counts each event once, for the first hotspot holding it, and the days the run covers', () => {
    const events = run(6);
    const m = hotspotMembership(events, [square(0, 0, 100), square(0, 0, 40)]);
    expect(Array.from(m.eventsIn)).toEqual([9, 0]);
    expect(Array.from(m.hotspotOf)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1]);
    expect(m.periodDays).toBe(100);
  });
});

describe('seriesFlag', () => {
  const chain = { size: 3, spanDays: 2, members: [0, 1, 2] };

  it('leaves a series-sized chain unflagged when no hotspots are given', () => {
    expect(seriesFlag({ size: 5, spanDays: 20, members: [0, 1, 2, 3, 4] })).toEqual({
      flag: null,
      flagReason: null,
      eventsInHotspots: null,
      hotspotRate: null,
    });
  });

  it(`flags more than ${SERIES_MAX_EVENTS} events, but not exactly ${SERIES_MAX_EVENTS}`, () => {
    expect(seriesFlag({ size: 20, spanDays: 10, members: [] }).flag).toBeNull();
    const flagged = seriesFlag({ size: 21, spanDays: 10, members: [] });
    expect(flagged.flag).toBe('hotspot-like');
    expect(flagged.flagReason).toBe(
      'hotspot-like: not a series: 21 events, more than the 20 a series would have',
    );
  });

  it(`flags a span over ${SERIES_MAX_SPAN_DAYS} days, but not exactly ${SERIES_MAX_SPAN_DAYS}`, () => {
    expect(seriesFlag({ size: 4, spanDays: 60, members: [] }).flag).toBeNull();
    expect(seriesFlag({ size: 4, spanDays: 61, members: [] }).flagReason).toMatch(/spans 61 days/);
  });

  it('keeps a chain inside a quiet hotspot as a series: far above the place’s usual rate', () => {
    // λ = (9 − 3) · 3 / 100 = 0.18; P(X ≥ 3) = 1 − e^−0.18 (1 + 0.18 + 0.0162) = 0.000850 < 0.001.
    const m = hotspotMembership(run(6), [square(0, 0, 100)]);
    const f = seriesFlag(chain, m);
    expect(f.flag).toBeNull();
    expect(f.eventsInHotspots).toBe(3);
    expect(f.hotspotRate!.expected).toBeCloseTo(0.18, 12);
    expect(f.hotspotRate!.pValue).toBeCloseTo(0.00084977, 7);
  });

  it('flags a chain inside a busy hotspot: no more than the place’s usual activity', () => {
    // λ = (63 − 3) · 3 / 100 = 1.8; P(X ≥ 3) = 1 − e^−1.8 (1 + 1.8 + 1.62) = 0.269.
    const m = hotspotMembership(run(60), [square(0, 0, 100)]);
    const f = seriesFlag(chain, m);
    expect(f.flag).toBe('hotspot-like');
    expect(f.flagReason).toBe(
      'hotspot-like: not a series: 3 of its 3 events are inside a hotspot, which has about 1.8 in 3 days ' +
        "at other times (p = 0.269): the place's usual activity",
    );
  });

  it('does not test a chain with half or fewer of its events inside a hotspot', () => {
    // Members 0 (inside) and 9 (outside): one of two is not most.
    const m = hotspotMembership(run(60), [square(0, 0, 100)]);
    const f = seriesFlag({ size: 2, spanDays: 2, members: [0, 63] }, m);
    expect(f).toEqual({ flag: null, flagReason: null, eventsInHotspots: 1, hotspotRate: null });
  });
});
