import { describe, expect, it } from 'vitest';
import { findChains } from '../../../../../shared/analysis/chains/chains.js';
import {
  bufferRing,
  isLiveChain,
  recentEvents,
  riskZones,
} from '../../../../../shared/analysis/chains/risk-zones.js';
import { expectClose } from '../../../expect-close.js';

// A chain 0–1–2 (days 96, 100, 103), a chain 3–4–5 (days 88, 90, 92), a lone event 6 (day 104) and an
// old lone event 7 (day 20).
const events = {
  x: Float64Array.from([500000, 500050, 500090, 510000, 510040, 510080, 520000, 530000]),
  y: Float64Array.from([200000, 200000, 200000, 200000, 200000, 200000, 200000, 200000]),
  day: Int32Array.from([96, 100, 103, 88, 90, 92, 104, 20]),
};
const chains = findChains(events, { distanceM: 100, days: 7 });

/** Brute force: the events with asOf − days < day ≤ asOf. */
function bruteRecent(asOfDay: number, days: number): number[] {
  return Array.from(events.day.keys()).filter(
    (i) => events.day[i] <= asOfDay && asOfDay - events.day[i] < days,
  );
}

describe('isLiveChain', () => {
  it('keeps chains whose last day is on or before the as-of day and within the time threshold', () => {
    const live = (asOf: number) => chains.filter((c) => isLiveChain(c, asOf, 7)).map((c) => c.lastDay);
    // Chain A ends on day 103, chain B on day 92 (threshold 7 days).
    expect(live(103)).toEqual([103]);
    expect(live(109)).toEqual([103]);
    expect(live(110)).toEqual([]);
    expect(live(98)).toEqual([92]);
    expect(live(99)).toEqual([]);
  });
});

describe('riskZones', () => {
  it('zones only the events of the last `days` days up to the as-of day, each until its own day + days', () => {
    for (const asOf of [92, 100, 104, 105, 110, 111, 200]) {
      const zones = riskZones(events, chains, { distanceM: 100, days: 7, asOfDay: asOf });
      expect(
        zones.map((z) => z.eventIndex),
        `as of ${asOf}`,
      ).toEqual(bruteRecent(asOf, 7));
      for (const z of zones) expect(z.expiresDay).toBe(events.day[z.eventIndex] + 7);
    }
    // As of day 105: events on days 99 … 105 → 1 (100), 2 (103), 6 (104); the chain's older day-96 event
    // and the other chain have no zone. Chain A is chain 2 (chain B's origin, day 88, comes first).
    const zones = riskZones(events, chains, { distanceM: 100, days: 7, asOfDay: 105 });
    expect(zones.map((z) => [z.eventIndex, z.chainId, z.expiresDay, z.radiusM])).toEqual([
      [1, 2, 107, 100],
      [2, 2, 110, 100],
      [6, null, 111, 100],
    ]);
    for (const [vx, vy] of zones[0].ring) expectClose(Math.hypot(vx - 500050, vy - 200000), 100, 1e-12);
    expect(zones[0].ring[0]).toEqual(zones[0].ring.at(-1));
  });

  it('never lets a zone run past its event day + days, however long the chain goes on', () => {
    // A July event (day 0) in a chain hopping on to January (day 180): as of day 180, no zone for it.
    const longX = Float64Array.from({ length: 31 }, (_, k) => 500000 + (k % 2) * 10);
    const long = {
      x: longX,
      y: new Float64Array(31).fill(200000),
      day: Int32Array.from({ length: 31 }, (_, k) => k * 6),
    };
    const longChains = findChains(long, { distanceM: 100, days: 7 });
    expect(longChains.length).toBe(1);
    const zones = riskZones(long, longChains, { distanceM: 100, days: 7, asOfDay: 180 });
    expect(zones.map((z) => [z.eventDay, z.expiresDay])).toEqual([
      [174, 181],
      [180, 187],
    ]);
  });

  it('cuts zones to 4-hour shifts with the aoristic weights of the chain, or of a lone event', () => {
    const hour = 3_600_000;
    const day = 86_400_000;
    const fromMs = new Array<number>(8).fill(0);
    const toMs = new Array<number>(8).fill(0);
    // Chain A: event 1 22:00–02:00 (half in shift 20–24, half in 0–4); event 2 exactly 09:30 (8–12);
    // event 0 exactly 13:00 (12–16). Lone event 6 exactly 05:00 (4–8).
    [fromMs[0], toMs[0]] = [96 * day + 13 * hour, 96 * day + 13 * hour];
    [fromMs[1], toMs[1]] = [100 * day + 22 * hour, 101 * day + 2 * hour];
    [fromMs[2], toMs[2]] = [103 * day + 9.5 * hour, 103 * day + 9.5 * hour];
    [fromMs[6], toMs[6]] = [104 * day + 5 * hour, 104 * day + 5 * hour];
    const zones = riskZones(events, chains, {
      distanceM: 100,
      days: 7,
      asOfDay: 105,
      shiftHours: 4,
      fromMs,
      toMs,
    });
    const chainWeights = [1 / 6, 0, 1 / 3, 1 / 3, 0, 1 / 6];
    for (const z of zones.slice(0, 2))
      for (const [k, w] of chainWeights.entries()) expectClose(z.shiftWeights![k], w, 1e-12, `shift ${k}`);
    expect(zones[2].shiftWeights).toEqual([0, 1, 0, 0, 0, 0]);
  });

  it('lists the recent events by brute force', () => {
    expect(recentEvents(events.day, 104, 7)).toEqual(bruteRecent(104, 7));
  });

  it('draws a diamond for Manhattan distance', () => {
    expect(bufferRing(0, 0, 10, 'manhattan', 32)).toEqual([
      [10, 0],
      [0, 10],
      [-10, 0],
      [0, -10],
      [10, 0],
    ]);
  });
});
