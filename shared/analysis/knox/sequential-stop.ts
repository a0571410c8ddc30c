/**
 * Sequential Monte Carlo p-values for the Knox table (J. Besag and P. Clifford, "Sequential Monte
 * Carlo p-values", Biometrika 78(2), 1991), used only when the analyst allows an early stop.
 *
 * For one cell with observed count T, permutations are drawn one after another; g_l is the number of
 * the first l simulated counts that are ≥ T. The cell is settled at the first l with g_l = h (h the
 * analyst's "exceedances", e.g. 10), and its p-value is then h / l. A cell that never reaches h in
 * the N permutations allowed keeps the usual p = (1 + g_N) / (N + 1). The whole table stops at the
 * first l at which every cell is settled: later permutations cannot change any p-value, and a table
 * with a cell far into the tail never stops early, so significant results always get all N.
 *
 * Permutation i depends on (seed, i) only, so the stopping point is the same whatever the split of
 * the work over threads or rounds: the tables are read here in iteration order.
 */

export interface SequentialStop {
  /** Permutations used: the first l at which every cell was settled, or all that were looked at. */
  iterations: number;
  /** Whether every cell was settled (the run may stop after `iterations`). */
  settled: boolean;
  /** Per cell: the permutation count at which it reached h exceedances, or 0 when it did not. */
  settledAt: Int32Array;
}

/**
 * Reads `tables` (count × cells, iteration order) against `observed` and returns where the rule
 * stops. `exceedances` is h ≥ 1.
 */
export function sequentialStop(
  observed: Float64Array,
  tables: Float64Array,
  count: number,
  exceedances: number,
): SequentialStop {
  if (!(Number.isInteger(exceedances) && exceedances >= 1)) {
    throw new RangeError(`exceedances must be a whole number >= 1, got ${exceedances}`);
  }
  const cells = observed.length;
  const seen = new Int32Array(cells);
  const settledAt = new Int32Array(cells);
  let open = cells;
  for (let s = 0; s < count; s++) {
    for (let c = 0; c < cells; c++) {
      if (settledAt[c] === 0 && tables[s * cells + c] >= observed[c] && ++seen[c] === exceedances) {
        settledAt[c] = s + 1;
        open--;
      }
    }
    if (open === 0) return { iterations: s + 1, settled: true, settledAt };
  }
  return { iterations: count, settled: false, settledAt };
}

/**
 * The p-values of a run cut short by the rule: h / l_c for a settled cell, (1 + g) / (N + 1) for
 * the others (`pValue`, as knox-statistics.ts computed them over the permutations used).
 */
export function sequentialPValues(
  stop: SequentialStop,
  exceedances: number,
  pValue: Float64Array,
): Float64Array {
  return pValue.map((p, c) => (stop.settledAt[c] > 0 ? exceedances / stop.settledAt[c] : p));
}
