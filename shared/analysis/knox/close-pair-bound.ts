/**
 * An upper bound on the close pairs of a Knox run (pairs closer than R, the largest finite distance
 * edge; close-pairs.ts), in O(n) without listing them, for deciding how to run before paying for the
 * plan (`hotspot knox` keeps a small run in its own process, electron/cli/commands/knox.ts).
 *
 * Events are counted in square cells of side R. Both metrics have d ≥ max(|dx|, |dy|), so a close
 * pair lies in one cell or in two adjacent ones (of the 8 around), and
 *
 *   pairs ≤ Σ_c [ n_c (n_c − 1) + n_c · Σ_{c' adjacent to c} n_c' ] / 2
 *
 * (each pair of adjacent cells is met from both sides, hence the halving). On spread-out events the
 * bound is about 9/π ≈ 2.9 times the Euclidean count (a 3R × 3R square against a circle of radius R);
 * it is exact when every event in reach is closer than R.
 */
import { largestFiniteEdge } from './bands.js';

/** Cell keys must stay exact integers in a double. */
const MAX_CELL_KEY = 2 ** 52;
/** Up to this many cells (or 8 per event) are counted in a flat array, else in a hash map. */
const DENSE_CELLS = 1 << 20;

export function closePairBound(x: Float64Array, y: Float64Array, distanceEdgesM: readonly number[]): number {
  const n = x.length;
  const radiusM = largestFiniteEdge(distanceEdgesM);
  // No pair is closer than a radius of 0 (edges 0, inf: only the open band).
  if (!(radiusM > 0) || n < 2) return 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  // key = column · rows + row, with an empty column and row of padding on each side, so the keys of
  // a cell's neighbours (key ± rows ± 1) never wrap to the far side.
  const rows = Math.floor((maxY - minY) / radiusM) + 3;
  const columns = Math.floor((maxX - minX) / radiusM) + 3;
  if (!(rows * columns < MAX_CELL_KEY)) return (n * (n - 1)) / 2;
  const cell = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    cell[i] = (Math.floor((x[i] - minX) / radiusM) + 1) * rows + Math.floor((y[i] - minY) / radiusM) + 1;
  }
  // Σ over events of the others in reach of its cell = Σ_c n_c (n_c − 1 + Σ_adjacent n_c').
  let ordered = 0;
  if (rows * columns <= Math.max(DENSE_CELLS, 8 * n)) {
    // Counts in a flat array: no hashing, cheap even before the code is optimised.
    const counts = new Int32Array(rows * columns);
    for (let i = 0; i < n; i++) counts[cell[i]]++;
    for (let i = 0; i < n; i++) {
      const key = cell[i];
      for (let dx = -rows; dx <= rows; dx += rows) {
        ordered += counts[key + dx - 1] + counts[key + dx] + counts[key + dx + 1];
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
    for (let dx = -rows; dx <= rows; dx += rows) {
      for (let dy = -1; dy <= 1; dy++) around += counts.get(key + dx + dy) ?? 0;
    }
    ordered += count * around;
  }
  return ordered / 2;
}
