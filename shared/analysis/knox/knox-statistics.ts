/**
 * Knox statistics per cell from the observed table and the simulated tables (DESIGN.md §4):
 *
 *   expectedMean   = (1/N) Σ_s sim_s             expectedMedian = median_s sim_s
 *   knoxRatio      = observed / expectedMean    knoxRatioMedian = observed / expectedMedian
 *   pValue         = (1 + #{s : sim_s ≥ observed}) / (N + 1)
 *
 * N = iterations. The median of an even number of values is the mean of the middle two. A ratio
 * with a zero expectation is Infinity (observed > 0) or NaN (observed = 0); reports write both as
 * null. The p-value counts ties as "at least as extreme", so it is never below 1/(N + 1).
 */

export interface KnoxStatistics {
  expectedMean: Float64Array;
  expectedMedian: Float64Array;
  knoxRatio: Float64Array;
  knoxRatioMedian: Float64Array;
  pValue: Float64Array;
}

/** `simulated` holds `iterations` tables of `observed.length` cells each, one after another. */
export function knoxStatistics(
  observed: Float64Array,
  simulated: Float64Array,
  iterations: number,
): KnoxStatistics {
  const cells = observed.length;
  if (!(Number.isInteger(iterations) && iterations >= 1)) {
    throw new RangeError(`iterations must be a whole number >= 1, got ${iterations}`);
  }
  if (simulated.length !== cells * iterations) {
    throw new RangeError(`expected ${iterations} tables of ${cells} cells, got ${simulated.length} values`);
  }
  const stats: KnoxStatistics = {
    expectedMean: new Float64Array(cells),
    expectedMedian: new Float64Array(cells),
    knoxRatio: new Float64Array(cells),
    knoxRatioMedian: new Float64Array(cells),
    pValue: new Float64Array(cells),
  };
  const values = new Float64Array(iterations);
  for (let c = 0; c < cells; c++) {
    let sum = 0;
    let atLeast = 0;
    for (let s = 0; s < iterations; s++) {
      const v = simulated[s * cells + c];
      values[s] = v;
      sum += v;
      if (v >= observed[c]) atLeast++;
    }
    values.sort();
    const middle = iterations >> 1;
    const median = iterations % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    const mean = sum / iterations;
    stats.expectedMean[c] = mean;
    stats.expectedMedian[c] = median;
    stats.knoxRatio[c] = observed[c] / mean;
    stats.knoxRatioMedian[c] = observed[c] / median;
    stats.pValue[c] = (1 + atLeast) / (iterations + 1);
  }
  return stats;
}
