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

export function closePairBound(x: Float64Array, y: Float64Array, distanceEdgesM: readonly number[]): number {
  const radiusM = largestFiniteEdge(distanceEdgesM);
  // No pair is closer than a radius of 0 (edges 0, inf: only the open band).
  if (!(radiusM > 0)) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length; i++) {
    const key = `${Math.floor(x[i] / radiusM)},${Math.floor(y[i] / radiusM)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let ordered = 0;
  for (const [key, count] of counts) {
    const [cx, cy] = key.split(',').map(Number);
    let around = -1;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) around += counts.get(`${cx + dx},${cy + dy}`) ?? 0;
    }
    ordered += count * around;
  }
  return ordered / 2;
}
