import { describe, expect, it } from 'vitest';
import {
  SERIES_MAX_EVENTS,
  SERIES_MAX_SPAN_DAYS,
  seriesFlag,
} from '../../../../../shared/analysis/chains/series-flag.js';

describe('seriesFlag', () => {
  it('leaves a series-sized chain unflagged when no hotspots are given', () => {
    expect(seriesFlag({ size: 5, spanDays: 20 })).toEqual({
      flag: null,
      flagReason: null,
      eventsInHotspots: null,
      hotspotRate: null,
    });
  });

  it(`flags more than ${SERIES_MAX_EVENTS} events, but not exactly ${SERIES_MAX_EVENTS}`, () => {
    expect(seriesFlag({ size: 20, spanDays: 10 }).flag).toBeNull();
    const flagged = seriesFlag({ size: 21, spanDays: 10 });
    expect(flagged.flag).toBe('hotspot-like');
    expect(flagged.flagReason).toBe(
      'hotspot-like: not a series: 21 events, more than the 20 a series would have',
    );
  });

  it(`flags a span over ${SERIES_MAX_SPAN_DAYS} days, but not exactly ${SERIES_MAX_SPAN_DAYS}`, () => {
    expect(seriesFlag({ size: 4, spanDays: 60 }).flag).toBeNull();
    expect(seriesFlag({ size: 4, spanDays: 61 }).flagReason).toMatch(/spans 61 days/);
  });

  it('keeps a chain inside a hotspot whose place is quiet at other times', () => {
    // T = 103, w = 3: λ = 6 · 3 / 100 = 0.18; P(X ≥ 3) = 1 − e^−0.18 (1 + 0.18 + 0.0162) = 0.000850 < 0.001.
    const f = seriesFlag({ size: 3, spanDays: 2 }, { insideHotspots: 3, othersNearby: 6, periodDays: 103 });
    expect(f.flag).toBeNull();
    expect(f.eventsInHotspots).toBe(3);
    expect(f.hotspotRate!.expected).toBeCloseTo(0.18, 12);
    expect(f.hotspotRate!.pValue).toBeCloseTo(0.00084977, 7);
  });

  it('flags a chain inside a hotspot whose place is as busy at other times', () => {
    // λ = 60 · 3 / 100 = 1.8; P(X ≥ 3) = 1 − e^−1.8 (1 + 1.8 + 1.62) = 0.269.
    const f = seriesFlag({ size: 3, spanDays: 2 }, { insideHotspots: 2, othersNearby: 60, periodDays: 103 });
    expect(f.flag).toBe('hotspot-like');
    expect(f.flagReason).toBe(
      'hotspot-like: not a series: 2 of its 3 events are inside a hotspot, where its place has about 1.8 events ' +
        "in 3 days at other times: 3 is not far enough above that to tell it from the place's usual activity " +
        '(p = 0.269; a series needs p < 0.001)',
    );
  });

  it('does not test a chain with half or fewer of its events inside a hotspot', () => {
    const f = seriesFlag({ size: 4, spanDays: 2 }, { insideHotspots: 2, othersNearby: 60, periodDays: 103 });
    expect(f).toEqual({ flag: null, flagReason: null, eventsInHotspots: 2, hotspotRate: null });
  });

  it('flags a chain mostly inside a hotspot when the data cover no other days to compare', () => {
    const f = seriesFlag({ size: 3, spanDays: 9 }, { insideHotspots: 3, othersNearby: 0, periodDays: 10 });
    expect(f.flagReason).toMatch(/no other days/);
  });
});
