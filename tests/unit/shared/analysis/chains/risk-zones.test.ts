import { describe, expect, it } from 'vitest';
import { findChains } from '../../../../../shared/analysis/chains/chains.js';
import { bufferRing, liveChains, riskZones } from '../../../../../shared/analysis/chains/risk-zones.js';
import { expectClose } from '../../../expect-close.js';

const events = {
  x: Float64Array.from([500000, 500050, 510000, 510040]),
  y: Float64Array.from([200000, 200000, 200000, 200000]),
  day: Int32Array.from([100, 103, 90, 92]),
};
const chains = findChains(events, { distanceM: 100, days: 7 });

describe('liveChains', () => {
  it('keeps chains whose last day is on or before the as-of day and within the time threshold', () => {
    // Chain A ends on day 103, chain B on day 92 (threshold 7 days).
    expect(liveChains(chains, 103, 7).map((c) => c.lastDay)).toEqual([103]);
    expect(liveChains(chains, 109, 7).map((c) => c.lastDay)).toEqual([103]);
    expect(liveChains(chains, 110, 7)).toEqual([]);
    expect(liveChains(chains, 98, 7).map((c) => c.lastDay)).toEqual([92]);
    expect(liveChains(chains, 99, 7)).toEqual([]);
  });
});

describe('riskZones', () => {
  it('buffers each event of a live chain by the distance threshold until last day + days', () => {
    const zones = riskZones(events, chains, { distanceM: 100, days: 7, asOfDay: 105 });
    expect(zones.map((z) => [z.eventIndex, z.expiresDay, z.radiusM])).toEqual([
      [0, 110, 100],
      [1, 110, 100],
    ]);
    for (const [vx, vy] of zones[0].ring) expectClose(Math.hypot(vx - 500000, vy - 200000), 100, 1e-12);
    expect(zones[0].ring[0]).toEqual(zones[0].ring.at(-1));
  });

  it('cuts a live chain to 4-hour shifts with aoristic weights', () => {
    const hour = 3_600_000;
    const day = 86_400_000;
    // Event 0: 22:00–02:00 (half in shift 20–24, half in 0–4); event 1: exactly 09:30 (shift 8–12).
    const fromMs = [100 * day + 22 * hour, 103 * day + 9.5 * hour, 0, 0];
    const toMs = [101 * day + 2 * hour, 103 * day + 9.5 * hour, 0, 0];
    const zones = riskZones(events, chains, {
      distanceM: 100,
      days: 7,
      asOfDay: 105,
      shiftHours: 4,
      fromMs,
      toMs,
    });
    const weights = zones[0].shiftWeights!;
    expect(weights.length).toBe(6);
    for (const [k, w] of [0.25, 0, 0.5, 0, 0, 0.25].entries())
      expectClose(weights[k], w, 1e-12, `shift ${k}`);
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
