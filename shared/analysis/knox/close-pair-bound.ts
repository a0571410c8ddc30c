/**
 * An upper bound on the close pairs of a Knox run (pairs closer than R, the largest finite distance
 * edge; close-pairs.ts), in O(n) without listing them, for deciding how to run before paying for the
 * plan (`hotspot knox` keeps a small run in its own process, electron/cli/commands/knox.ts).
 *
 * Events are counted in the cells of side R of cell-grid.ts, so a close pair lies in one cell or in
 * two adjacent ones (of the 8 around), and
 *
 *   pairs ≤ Σ_c [ n_c (n_c − 1) + n_c · Σ_{c' adjacent to c} n_c' ] / 2
 *
 * (each pair of adjacent cells is met from both sides, hence the halving). On spread-out events the
 * bound is about 9/π ≈ 2.9 times the Euclidean count (a 3R × 3R square against a circle of radius R);
 * it is exact when every event in reach is closer than R.
 */
import { largestFiniteEdge } from './bands.js';
import { cellGrid, cellKeys, MAX_CELL_KEY } from './cell-grid.js';

/** Up to this many cells (or 8 per event) are counted in a flat array, else in a hash map. */
const DENSE_CELLS = 1 << 20;

export function closePairBound(x: Float64Array, y: Float64Array, distanceEdgesM: readonly number[]): number {
  const n = x.length;
  const radiusM = largestFiniteEdge(distanceEdgesM);
  // No pair is closer than a radius of 0 (edges 0, inf: only the open band).
  if (!(radiusM > 0) || n < 2) return 0;
  const grid = cellGrid(x, y, radiusM);
  const { rows, cols } = grid;
  if (!(rows * cols < MAX_CELL_KEY)) return (n * (n - 1)) / 2;
  const cell = cellKeys(grid, x, y, radiusM);
  // Σ over events of the others in reach of its cell = Σ_c n_c (n_c − 1 + Σ_adjacent n_c').
  let ordered = 0;
  if (rows * cols <= Math.max(DENSE_CELLS, 8 * n)) {
    // Counts in a flat array: no hashing, cheap even before the code is optimised.
    const counts = new Int32Array(rows * cols);
    for (let i = 0; i < n; i++) counts[cell[i]]++;
    for (let i = 0; i < n; i++) {
      const key = cell[i];
      for (let dy = -cols; dy <= cols; dy += cols) {
        ordered += counts[key + dy - 1] + counts[key + dy] + counts[key + dy + 1];
      }
      ordered--;
    }
    return ordered / 2;
  }
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = cell[i];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of counts) {
    let around = -1;
    for (let dy = -cols; dy <= cols; dy += cols) {
      for (let dx = -1; dx <= 1; dx++) around += counts.get(key + dy + dx) ?? 0;
    }
    ordered += count * around;
  }
  return ordered / 2;
}
