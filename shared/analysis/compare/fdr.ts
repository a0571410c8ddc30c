/**
 * Benjamini–Hochberg false discovery rate control (DESIGN.md §4: Gi* hotspots and many period
 * comparisons at once). For m p-values sorted ascending p(1) ≤ … ≤ p(m), the BH adjusted p-value
 * (q-value) of the i-th smallest is
 *   q(i) = min over j ≥ i of min(1, m · p(j) / j),
 * and rejecting every hypothesis with q ≤ α keeps the expected share of false discoveries ≤ α
 * (for independent or positively dependent tests). Equivalent to the step-up rule: find the largest
 * k with p(k) ≤ k·α/m and reject the k smallest. O(m log m).
 * Reference: Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57(1), 289–300; R's p.adjust("BH").
 * NaN p-values (untested cells) are left NaN and not counted in m.
 */

export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const q = new Float64Array(pValues.length).fill(Number.NaN);
  const order: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i];
    if (Number.isNaN(p)) continue;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p} at index ${i}`);
    order.push(i);
  }
  order.sort((a, b) => pValues[a] - pValues[b] || a - b);
  const m = order.length;
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, (m * pValues[i]) / rank);
    q[i] = running;
  }
  return q;
}

/** True where the BH q-value is ≤ alpha (the discoveries at false discovery rate alpha). */
export function fdrDiscoveries(pValues: ArrayLike<number>, alpha: number): boolean[] {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  return Array.from(benjaminiHochberg(pValues), (q) => q <= alpha);
}
