import { describe, expect, it } from 'vitest';
import {
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

describe('seriesFlag', () => {
  const events = {
    x: Float64Array.from([10, 20, 30, 500, 510]),
    y: Float64Array.from([10, 20, 30, 500, 510]),
  };

  it('leaves a series-sized chain unflagged', () => {
    expect(seriesFlag({ size: 5, spanDays: 20, members: [0, 1, 2, 3, 4] }, events)).toEqual({
      flag: null,
      flagReason: null,
      eventsInHotspots: null,
    });
  });

  it(`flags more than ${SERIES_MAX_EVENTS} events, but not exactly ${SERIES_MAX_EVENTS}`, () => {
    expect(seriesFlag({ size: 20, spanDays: 10, members: [] }, events).flag).toBeNull();
    const flagged = seriesFlag({ size: 21, spanDays: 10, members: [] }, events);
    expect(flagged.flag).toBe('hotspot-like');
    expect(flagged.flagReason).toBe(
      'hotspot-like: not a series: 21 events, more than the 20 a series would have',
    );
  });

  it(`flags a span over ${SERIES_MAX_SPAN_DAYS} days, but not exactly ${SERIES_MAX_SPAN_DAYS}`, () => {
    expect(seriesFlag({ size: 4, spanDays: 60, members: [] }, events).flag).toBeNull();
    expect(seriesFlag({ size: 4, spanDays: 61, members: [] }, events).flagReason).toMatch(/spans 61 days/);
  });

  it('flags a chain with most of its events inside a hotspot, counting each event once', () => {
    // Events 0–2 are inside the square [0, 100]², held twice (two overlapping hotspots); 3–4 outside.
    const hotspots = [square(0, 0, 100), square(0, 0, 50)];
    const most = seriesFlag({ size: 5, spanDays: 9, members: [0, 1, 2, 3, 4] }, events, hotspots);
    expect(most).toEqual({
      flag: 'hotspot-like',
      flagReason: 'hotspot-like: not a series: 3 of its 5 events are inside a hotspot',
      eventsInHotspots: 3,
    });
    // Half inside is not most.
    const half = seriesFlag({ size: 4, spanDays: 9, members: [1, 2, 3, 4] }, events, hotspots);
    expect(half).toEqual({ flag: null, flagReason: null, eventsInHotspots: 2 });
  });
});
