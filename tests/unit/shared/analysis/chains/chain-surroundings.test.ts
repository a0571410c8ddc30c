import { describe, expect, it } from 'vitest';
import { chainSurroundings } from '../../../../../shared/analysis/chains/chain-surroundings.js';
import { findChains } from '../../../../../shared/analysis/chains/chains.js';
import { Random } from '../../../../../shared/util/random.js';

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

describe('chainSurroundings', () => {
  it('counts members inside hotspots, other events near a member at any date, and the days covered', () => {
    // Chain 0–2 on days 10–12 at x = 0, 50, 100; event 3 is 80 m from member 2 (day 90), event 4 is
    // 150 m from the nearest member (day 95), event 5 far away (day 1).
    const events = {
      x: Float64Array.from([500000, 500050, 500100, 500180, 500250, 510000]),
      y: Float64Array.from([200000, 200000, 200000, 200000, 200000, 200000]),
      day: Int32Array.from([10, 11, 12, 90, 95, 1]),
    };
    const chains = findChains(events, { distanceM: 100, days: 7 });
    expect(chains.map((c) => c.members)).toEqual([[0, 1, 2]]);
    const [s] = chainSurroundings(events, chains, [square(499990, 199990, 70)], 100, 'euclidean');
    expect(s).toEqual({ insideHotspots: 2, othersNearby: 1, periodDays: 95 });
  });

  it('equals a brute-force count over all pairs on random data, both metrics', () => {
    const random = new Random(5);
    const n = 400;
    const events = {
      x: Float64Array.from({ length: n }, () => 400000 + random.uniform(0, 3000)),
      y: Float64Array.from({ length: n }, () => 200000 + random.uniform(0, 3000)),
      day: Int32Array.from({ length: n }, () => random.int(0, 200)),
    };
    for (const metric of ['euclidean', 'manhattan'] as const) {
      const chains = findChains(events, { distanceM: 250, days: 10, metric });
      expect(chains.length).toBeGreaterThan(0);
      const got = chainSurroundings(events, chains, [], 250, metric);
      chains.forEach((chain, k) => {
        const members = new Set(chain.members);
        let nearby = 0;
        for (let j = 0; j < n; j++) {
          if (members.has(j)) continue;
          const near = chain.members.some((i) => {
            const dx = Math.abs(events.x[i] - events.x[j]);
            const dy = Math.abs(events.y[i] - events.y[j]);
            return (metric === 'euclidean' ? Math.hypot(dx, dy) : dx + dy) < 250;
          });
          if (near) nearby++;
        }
        expect(got[k].othersNearby, `${metric} chain ${chain.id}`).toBe(nearby);
        expect(got[k].insideHotspots).toBe(0);
      });
    }
  });
});
