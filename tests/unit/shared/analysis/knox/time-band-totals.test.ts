import { describe, expect, it } from 'vitest';
import { pairsPerTimeBand } from '../../../../../shared/analysis/knox/time-band-totals.js';
import { Random } from '../../../../../shared/util/random.js';
import { bruteBand } from './brute-force.js';

describe('pairsPerTimeBand', () => {
  it('counts the pairs of [0, 2, 2, 5] per band by hand', () => {
    // Gaps: 2, 2, 5, 0, 3, 3 → [0,2): 1, [2,4): 4, ≥4: 1.
    const totals = pairsPerTimeBand(Int32Array.from([0, 2, 2, 5]), [0, 2, 4, Infinity]);
    expect(Array.from(totals)).toEqual([1, 4, 1]);
  });

  it('equals an O(n²) count on random days for several edge sets', () => {
    const random = new Random(7);
    for (const edges of [
      [0, 7, 14, 21, Infinity],
      [0, 1],
      [3, 10, 30],
      [0, Infinity],
      [5, 6, 7, 100, Infinity],
    ]) {
      const day = Int32Array.from({ length: 400 }, () => random.int(0, 60));
      const expected = new Float64Array(edges.length - 1);
      for (let i = 0; i < day.length; i++) {
        for (let j = i + 1; j < day.length; j++) {
          const t = bruteBand(Math.abs(day[i] - day[j]), edges);
          if (t >= 0) expected[t]++;
        }
      }
      expect(Array.from(pairsPerTimeBand(day, edges)), String(edges)).toEqual(Array.from(expected));
    }
  });

  it('gives zeros for fewer than two events', () => {
    expect(Array.from(pairsPerTimeBand(Int32Array.from([3]), [0, Infinity]))).toEqual([0]);
  });
});
