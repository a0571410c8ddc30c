/**
 * Crime concentration over places or grid cells (issue 13 item 7): the Lorenz curve, the Gini
 * coefficient and the generalised Gini of Bernasco & Steenbeek (2017), "More places than crimes",
 * J. Quant. Criminol. 33, 451–467 (https://doi.org/10.1007/s10940-016-9324-7).
 *
 * With n places holding counts x_1 ≤ … ≤ x_n (sorted ascending) and C = Σ x_i events:
 *   Lorenz curve  the points (k/n, Σ_{i≤k} x_i / C) for k = 0 … n
 *   Gini          G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄) = 1 − 2·(area under the Lorenz curve)
 *                 (the "biased" Gini, as DescTools::Gini(unbiased = FALSE))
 *   generalised   G' = max(1, n / C) · (G − 1) + 1
 * When there are fewer events than places (C < n) even spreading them as evenly as possible leaves
 * n − C places empty, so the plain Gini cannot fall below 1 − C/n; G' compares the curve with that
 * line of maximal equality instead of the diagonal and equals G when C ≥ n. Checked against the
 * lorenzgini R package's documented examples. O(n log n).
 */

export interface LorenzCurve {
  /** Cumulative share of places, 0 … 1 (n + 1 points, fewest events first). */
  placeShare: Float64Array;
  /** Cumulative share of events at those places. */
  eventShare: Float64Array;
}

export interface Concentration {
  places: number;
  events: number;
  gini: number;
  generalisedGini: number;
  /** Whether G' differs from G (fewer events than places). */
  sparse: boolean;
  lorenz: LorenzCurve;
}

function sortedCounts(counts: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(counts);
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (!(Number.isFinite(v) && v >= 0))
      throw new RangeError(`counts must be finite and ≥ 0, got ${v} at index ${i}`);
  }
  return sorted.sort();
}

export function lorenzCurve(counts: ArrayLike<number>): LorenzCurve {
  const sorted = sortedCounts(counts);
  const n = sorted.length;
  const total = sorted.reduce((s, v) => s + v, 0);
  const placeShare = new Float64Array(n + 1);
  const eventShare = new Float64Array(n + 1);
  let running = 0;
  for (let k = 1; k <= n; k++) {
    running += sorted[k - 1]!;
    placeShare[k] = k / n;
    eventShare[k] = total > 0 ? running / total : 0;
  }
  return { placeShare, eventShare };
}

export function concentration(counts: ArrayLike<number>): Concentration {
  const n = counts.length;
  if (n < 2) throw new RangeError(`concentration needs at least 2 places, got ${n}`);
  const lorenz = lorenzCurve(counts);
  let events = 0;
  for (let i = 0; i < n; i++) events += counts[i]!;
  if (!(events > 0)) throw new RangeError('concentration needs at least one event');
  // Area under the Lorenz curve by trapezoids; G = 1 − 2·area.
  let area = 0;
  for (let k = 1; k <= n; k++) area += (lorenz.eventShare[k - 1]! + lorenz.eventShare[k]!) / (2 * n);
  const gini = 1 - 2 * area;
  const generalisedGini = Math.max(1, n / events) * (gini - 1) + 1;
  return { places: n, events, gini, generalisedGini, sparse: events < n, lorenz };
}

/**
 * The concentration curve of results analysis (issue 13 item 6): places ranked busiest first, the
 * share of events against the share of area, (Σ_{i≤k} a_i / A, Σ_{i≤k} x_i / C) with k = 0 … n;
 * equal areas when `areas` is absent. Ties in count keep their input order.
 */
export function concentrationCurve(
  counts: ArrayLike<number>,
  areas?: ArrayLike<number>,
): { areaShare: Float64Array; eventShare: Float64Array } {
  const n = counts.length;
  if (areas && areas.length !== n) throw new RangeError(`areas has ${areas.length} values, counts ${n}`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => counts[b]! - counts[a]! || a - b);
  let totalArea = 0;
  let totalEvents = 0;
  for (let i = 0; i < n; i++) {
    totalArea += areas ? areas[i]! : 1;
    totalEvents += counts[i]!;
  }
  const areaShare = new Float64Array(n + 1);
  const eventShare = new Float64Array(n + 1);
  let a = 0;
  let e = 0;
  order.forEach((i, k) => {
    a += areas ? areas[i]! : 1;
    e += counts[i]!;
    areaShare[k + 1] = a / totalArea;
    eventShare[k + 1] = totalEvents > 0 ? e / totalEvents : 0;
  });
  return { areaShare, eventShare };
}
