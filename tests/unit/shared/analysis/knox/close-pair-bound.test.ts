import { describe, expect, it } from 'vitest';
import { closePairBound } from '../../../../../shared/analysis/knox/close-pair-bound.js';
import { Random } from '../../../../../shared/util/random.js';

/** Pairs closer than r by brute force, for both metrics. */
function brutePairs(x: Float64Array, y: Float64Array, r: number, metric: 'euclidean' | 'manhattan'): number {
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = Math.abs(x[i] - x[j]);
      const dy = Math.abs(y[i] - y[j]);
      if ((metric === 'euclidean' ? Math.hypot(dx, dy) : dx + dy) < r) count++;
    }
  }
  return count;
}

describe('closePairBound(x, y, distanceEdgesM)', () => {
  it('counts a cell and its neighbours by hand: 3 events in one cell, 1 beside, 1 far away', () => {
    // Cells of 100 m: (0,0) holds 3, (1,0) holds 1, (5,5) holds 1 → (3·2 + 3·1 + 1·3) / 2 = 6.
    const x = Float64Array.from([10, 20, 30, 150, 550]);
    const y = Float64Array.from([10, 20, 30, 50, 550]);
    expect(closePairBound(x, y, [0, 50, 100, Infinity])).toBe(6);
  });

  it('is never below the true count, for either metric, on clustered random events', () => {
    const random = new Random(11);
    for (let trial = 0; trial < 20; trial++) {
      const n = 50 + random.int(0, 200);
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const clustered = random.uniform(0, 1) < 0.3;
        x[i] = 400_000 + (clustered ? random.uniform(0, 80) : random.uniform(-2000, 2000));
        y[i] = 300_000 + (clustered ? random.uniform(0, 80) : random.uniform(-2000, 2000));
      }
      const r = [50, 200, 333.3][trial % 3];
      const bound = closePairBound(x, y, [0, r / 2, r, Infinity]);
      expect(bound).toBeGreaterThanOrEqual(brutePairs(x, y, r, 'euclidean'));
      expect(bound).toBeGreaterThanOrEqual(brutePairs(x, y, r, 'manhattan'));
      expect(bound).toBeLessThanOrEqual((n * (n - 1)) / 2);
    }
  });

  it('is 0 when the only band is open (edges 0, inf) and n(n − 1)/2 when every event is in reach', () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    const y = Float64Array.from([1, 2, 3, 4]);
    expect(closePairBound(x, y, [0, Infinity])).toBe(0);
    expect(closePairBound(x, y, [0, 1000])).toBe(6);
  });

  it('counts sparse cells over a wide area in a hash map, never below the true count', () => {
    // Three clumps 10,000 km apart with a 5 m radius: 4 · 10^12 cells, too many for a flat array.
    const random = new Random(3);
    const x = new Float64Array(120);
    const y = new Float64Array(120);
    for (let i = 0; i < 120; i++) {
      x[i] = (i % 3) * 1e7 + random.uniform(0, 12);
      y[i] = (i % 3) * 1e7 + random.uniform(0, 12);
    }
    const bound = closePairBound(x, y, [0, 5, Infinity]);
    expect(bound).toBeGreaterThanOrEqual(brutePairs(x, y, 5, 'euclidean'));
    expect(bound).toBeLessThanOrEqual(3 * ((40 * 39) / 2));
    // Two events in diagonal neighbour cells and one far away: exactly one pair in reach.
    const z = Float64Array.from([0.5, 1.5, 3e7]);
    expect(closePairBound(z, z, [0, 1, Infinity])).toBe(1);
  });

  it('falls back to every pair when the cells are too many for exact keys', () => {
    const far = Float64Array.from([0, 1e9, 2e9]);
    expect(closePairBound(far, far, [0, 0.001, Infinity])).toBe(3);
  });
});
