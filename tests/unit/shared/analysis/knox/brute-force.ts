/**
 * O(n²) references for the Knox tests: every pair i < j, banded with the same half-open rule as the
 * definition in DESIGN.md §4 (written out again here, independent of the fast code).
 */
import type { DistanceMetric } from '../../../../../shared/analysis/knox/bands.js';

export function bruteBand(value: number, edges: readonly number[]): number {
  for (let k = 0; k + 1 < edges.length; k++) if (value >= edges[k] && value < edges[k + 1]) return k;
  return -1;
}

export function bruteDistance(
  x: Float64Array,
  y: Float64Array,
  i: number,
  j: number,
  metric: DistanceMetric,
): number {
  const dx = x[i] - x[j];
  const dy = y[i] - y[j];
  return metric === 'manhattan' ? Math.abs(dx) + Math.abs(dy) : Math.sqrt(dx * dx + dy * dy);
}

/** The Knox table (row-major, rows = distance bands) by looking at every pair. */
export function bruteKnoxTable(
  x: Float64Array,
  y: Float64Array,
  day: Int32Array,
  distanceEdges: readonly number[],
  timeEdges: readonly number[],
  metric: DistanceMetric,
): Float64Array {
  const columns = timeEdges.length - 1;
  const table = new Float64Array((distanceEdges.length - 1) * columns);
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const r = bruteBand(bruteDistance(x, y, i, j, metric), distanceEdges);
      const t = bruteBand(Math.abs(day[i] - day[j]), timeEdges);
      if (r >= 0 && t >= 0) table[r * columns + t]++;
    }
  }
  return table;
}

/** Random integer coordinates and days, so that many distances and day gaps fall exactly on edges. */
export function integerEvents(
  count: number,
  extent: number,
  days: number,
  next: () => number,
): { x: Float64Array; y: Float64Array; day: Int32Array } {
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const day = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = 1000 + Math.floor(next() * extent);
    y[i] = 5000 + Math.floor(next() * extent);
    day[i] = 16000 + Math.floor(next() * days);
  }
  return { x, y, day };
}
