/**
 * Pairs per time band over ALL n(n−1)/2 pairs of events (DESIGN.md §4, "Near repeat").
 *
 * Permuting days among events does not change the multiset {|day_i − day_j| : i < j}, so these
 * totals are the same in the observed table and in every simulated one. The open distance row
 * ("≥ last finite distance edge") is then total_t − (pairs closer than that edge in time band t),
 * and never has to be enumerated pair by pair.
 *
 * C(e) = #{i < j : |day_i − day_j| < e} is counted exactly with two pointers over the sorted days
 * (for each j, the i < j in sorted order with day_j − day_i < e); C(0) = 0, C(∞) = n(n−1)/2, and
 * total_t = C(e_{t+1}) − C(e_t). O(n log n + n·edges), integers all the way (exact in a double
 * up to 2^53 pairs).
 */

export function pairsPerTimeBand(day: Int32Array, timeEdgesDays: readonly number[]): Float64Array {
  const sorted = Int32Array.from(day).sort();
  const n = sorted.length;
  const below = timeEdgesDays.map((edge) => pairsCloserThan(sorted, edge));
  const totals = new Float64Array(timeEdgesDays.length - 1);
  for (let t = 0; t < totals.length; t++) totals[t] = below[t + 1] - below[t];
  if (n < 2) totals.fill(0);
  return totals;
}

/** #{i < j : |day_i − day_j| < edgeDays} for ascending days. */
function pairsCloserThan(sorted: Int32Array, edgeDays: number): number {
  const n = sorted.length;
  if (edgeDays === Infinity) return (n * (n - 1)) / 2;
  if (!(edgeDays > 0)) return 0;
  let pairs = 0;
  let low = 0;
  for (let j = 0; j < n; j++) {
    while (sorted[j] - sorted[low] >= edgeDays) low++;
    pairs += j - low;
  }
  return pairs;
}
