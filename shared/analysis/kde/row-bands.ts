/**
 * Cutting the grid into bands of rows for splatting on several threads (DESIGN.md §4, "Kernel
 * density"; electron/engine/analysis/kde-parallel.ts).
 *
 * Each thread owns a band of output rows and splats every event whose support reaches the band,
 * writing only the band's rows (splat.ts skips an event that misses it in O(1)). The bands are
 * disjoint, so the threads' results are placed side by side, never added, and no event needs to be
 * sorted or copied first. Measured on a million events and a 1000 × 1000 grid: sorting the events by
 * row first (to keep touched rows in cache) saved less splatting time than the sort itself cost.
 * Bands are cut where the events' running count crosses equal shares, so clustered data still
 * splits the work evenly.
 */
import type { GridSpec } from './extent.js';

/** Grid row whose band of y contains `y`, clamped to the grid (row 0 is north). */
export function rowOfY(spec: GridSpec, y: number): number {
  const row = spec.height - 1 - Math.floor((y - spec.originY) / spec.cellSizeM);
  return row < 0 ? 0 : row >= spec.height ? spec.height - 1 : row;
}

/** Number of events in each grid row (clamped to the grid); events with use[i] = 0 are left out. */
export function eventsPerRow(spec: GridSpec, y: Float64Array, use?: Uint8Array): Int32Array {
  const counts = new Int32Array(spec.height);
  for (let i = 0; i < y.length; i++) {
    if (use && use[i] === 0) continue;
    counts[rowOfY(spec, y[i])]++;
  }
  return counts;
}

/**
 * Rows [0, counts.length) cut into at most `bands` contiguous [first, end) ranges holding near-equal
 * numbers of events; together they cover every row exactly once.
 */
export function rowBands(counts: Int32Array, bands: number): [number, number][] {
  const height = counts.length;
  let total = 0;
  for (let r = 0; r < height; r++) total += counts[r];
  const cuts: [number, number][] = [];
  let first = 0;
  let running = 0;
  for (let r = 0; r < height && cuts.length < bands - 1; r++) {
    running += counts[r];
    if (running >= ((cuts.length + 1) * total) / bands && r + 1 < height) {
      cuts.push([first, r + 1]);
      first = r + 1;
    }
  }
  if (first < height) cuts.push([first, height]);
  return cuts;
}
