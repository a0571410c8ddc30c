import { describe, expect, it } from 'vitest';
import type { DistanceMetric } from '../../../../../shared/analysis/knox/bands.js';
import { BELOW_FIRST_EDGE, findClosePairs } from '../../../../../shared/analysis/knox/close-pairs.js';
import { Random } from '../../../../../shared/util/random.js';
import { bruteBand, bruteDistance, integerEvents } from './brute-force.js';

/** Every pair the fast search reports, as "i,j:band" with input indices i < j, sorted. */
function fastPairs(x: Float64Array, y: Float64Array, edges: number[], metric: DistanceMetric): string[] {
  const pairs = findClosePairs(x, y, edges, metric);
  const out: string[] = [];
  let partnersAfterTheirRow = true;
  for (let a = 0; a < x.length; a++) {
    for (let p = pairs.rowStart[a]; p < pairs.rowStart[a + 1]; p++) {
      if (!(pairs.partner[p] > a)) partnersAfterTheirRow = false;
      const i = pairs.order[a];
      const j = pairs.order[pairs.partner[p]];
      const band = pairs.band[p] === BELOW_FIRST_EDGE ? -1 : pairs.band[p];
      out.push(`${Math.min(i, j)},${Math.max(i, j)}:${band}`);
    }
  }
  expect(partnersAfterTheirRow).toBe(true);
  return out.sort();
}

function brutePairs(x: Float64Array, y: Float64Array, edges: number[], metric: DistanceMetric): string[] {
  const radius = edges[edges.length - 1] === Infinity ? edges[edges.length - 2] : edges[edges.length - 1];
  const out: string[] = [];
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const d = bruteDistance(x, y, i, j, metric);
      if (d < radius) out.push(`${i},${j}:${bruteBand(d, edges)}`);
    }
  }
  return out.sort();
}

describe('findClosePairs', () => {
  it('finds exactly the pairs of an O(n²) scan, with their bands, on random integer data', () => {
    const random = new Random(20240501);
    const edgeSets = [
      [0, 100, Infinity],
      [0, 1, 50, 100, 150, Infinity],
      [0, 25, 50, 75],
      [30, 60, 90, Infinity],
      [0, 200],
      [10, 11],
      [0, 37, 74, 111, 148, 185, Infinity],
    ];
    for (const metric of ['euclidean', 'manhattan'] as const) {
      for (const edges of edgeSets) {
        for (const extent of [200, 600, 3000]) {
          const { x, y } = integerEvents(300, extent, 10, () => random.next());
          expect(fastPairs(x, y, edges, metric), `${metric} ${edges} extent ${extent}`).toEqual(
            brutePairs(x, y, edges, metric),
          );
        }
      }
    }
  });

  it('puts a pair exactly 100 m apart in the [100, 200) band and 99 m apart in [0, 100)', () => {
    const x = Float64Array.from([0, 100, 0]);
    const y = Float64Array.from([0, 0, 99]);
    const pairs = fastPairs(x, y, [0, 100, 200, Infinity], 'euclidean');
    expect(pairs).toEqual(['0,1:1', '0,2:0', '1,2:1']);
  });

  it('keeps pairs closer than the first edge, marked as below it', () => {
    const x = Float64Array.from([0, 5, 500]);
    const y = Float64Array.from([0, 0, 0]);
    expect(fastPairs(x, y, [10, 100, Infinity], 'euclidean')).toEqual(['0,1:-1']);
  });

  it('handles coincident points, negative coordinates and a single column of cells', () => {
    const x = Float64Array.from([-5, -5, -5, -5]);
    const y = Float64Array.from([-1000, -1000, -950, -851]);
    for (const metric of ['euclidean', 'manhattan'] as const) {
      expect(fastPairs(x, y, [0, 1, 50, 100], metric)).toEqual(brutePairs(x, y, [0, 1, 50, 100], metric));
    }
  });

  it('finds no pairs when the only finite edge is 0', () => {
    const pairs = findClosePairs(
      Float64Array.from([0, 0]),
      Float64Array.from([0, 0]),
      [0, Infinity],
      'euclidean',
    );
    expect(pairs.count).toBe(0);
  });

  it('refuses an extent too wide for the radius (a stray point)', () => {
    const x = Float64Array.from([0, 4e15]);
    const y = Float64Array.from([0, 4e15]);
    expect(() => findClosePairs(x, y, [0, 1], 'euclidean')).toThrow(/stray point/);
  });
});
