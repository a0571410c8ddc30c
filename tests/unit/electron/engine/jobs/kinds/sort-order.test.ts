import { describe, expect, it } from 'vitest';
import { sortOrder } from '../../../../../../electron/engine/jobs/kinds/sort-order.js';
import { noProgress } from '../../../../../../shared/jobs/progress.js';

function bruteForceOrder(keys: Float64Array): number[] {
  return [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
}

describe('sortOrder', () => {
  it('orders a small hand-made case, keeping ties in index order', () => {
    const { order } = sortOrder({ keys: new Float64Array([5, -1, 5, 0, -1]) }, noProgress);
    expect([...order]).toEqual([1, 4, 3, 0, 2]);
  });

  it('handles empty and single-key input', () => {
    expect([...sortOrder({ keys: new Float64Array(0) }, noProgress).order]).toEqual([]);
    expect([...sortOrder({ keys: new Float64Array([42]) }, noProgress).order]).toEqual([0]);
  });

  it('matches a brute-force stable sort on random keys with many ties, for lengths around powers of two', () => {
    let state = 7;
    for (const n of [2, 3, 7, 8, 9, 1000, 1025, 4097]) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        keys[i] = (state % 50) - 25; // few distinct values, so ties are common
      }
      expect([...sortOrder({ keys }, noProgress).order]).toEqual(bruteForceOrder(keys));
    }
  });

  it('sorts infinities to the ends', () => {
    const keys = new Float64Array([0, Number.POSITIVE_INFINITY, -3, Number.NEGATIVE_INFINITY]);
    expect([...sortOrder({ keys }, noProgress).order]).toEqual([3, 2, 0, 1]);
  });

  it('refuses NaN keys before sorting', () => {
    expect(() => sortOrder({ keys: new Float64Array([1, Number.NaN]) }, noProgress)).toThrow(
      new RangeError('keys[1] is NaN; every key must be a number'),
    );
  });

  it('reports progress from 0 to passes × n', () => {
    const reports: [number, number][] = [];
    sortOrder({ keys: new Float64Array(200_000).map((_, i) => (i * 7919) % 1000) }, (d, t) =>
      reports.push([d, t]),
    );
    const total = Math.ceil(Math.log2(200_000)) * 200_000;
    expect(reports[0]).toEqual([0, total]);
    expect(reports.at(-1)).toEqual([total, total]);
    expect(reports.length).toBeGreaterThan(10);
  });
});
