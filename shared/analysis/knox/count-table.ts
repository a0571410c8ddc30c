/**
 * One Knox table from a plan and a day per event (DESIGN.md §4, "Near repeat").
 *
 *   table[r][t] = #{pairs i < j : distance band r, |day_i − day_j| in time band t}
 *
 * Pass over the plan's close pairs (knox-plan.ts): only a pair with |Δ| < L (L = largest finite time
 * edge) touches the table, tested without branching on the sign of Δ as (Δ + L − 1) >>> 0 < 2L − 1
 * (a negative value becomes a huge unsigned one); the rare increments are the only branch, and it is
 * well predicted. Then, exactly:
 *   • open last time column (edge Infinity): rowPairTotals[r] − the row's other cells, including
 *     the discarded "closer than the first time edge" cell;
 *   • open last distance row (edge Infinity): timeTotals[t] − every close pair in time band t,
 *     including those closer than the first distance edge, because the close pairs are precisely
 *     the pairs closer than the last finite distance edge.
 * O(n + close pairs) per table; `scratch` is reused between calls, so the loop allocates nothing.
 *
 * The table is written row-major (rows = distance bands, columns = time bands) into `out` at `offset`.
 */
import { type KnoxPlan, PAIR_ROW_BITS } from './knox-plan.js';

const ROW_MASK = (1 << PAIR_ROW_BITS) - 1;

export interface KnoxScratch {
  counts: Int32Array;
  dayByPosition: Int32Array;
}

/** A scratch buffer sized for the plan. */
export function createScratch(plan: KnoxPlan): KnoxScratch {
  const finiteRows = plan.openDistanceRow ? plan.distanceBands - 1 : plan.distanceBands;
  return {
    counts: new Int32Array((finiteRows + 1) * (plan.timeBands + 1)),
    dayByPosition: new Int32Array(plan.eventCount),
  };
}

/** Counts the table for `day` (input order) into out[offset … offset + rows·columns). */
export function countKnoxTable(
  plan: KnoxPlan,
  day: Int32Array,
  scratch: KnoxScratch,
  out: Float64Array,
  offset = 0,
): void {
  const { order, rowStart, pairs, deltaColumn, timeBands, distanceBands, timeLimitDays } = plan;
  const { counts, dayByPosition } = scratch;
  const n = plan.eventCount;
  for (let a = 0; a < n; a++) dayByPosition[a] = day[order[a]];
  counts.fill(0);
  const shift = timeLimitDays - 1;
  const span = 2 * timeLimitDays - 1;
  const stride = timeBands + 1;
  for (let a = 0; a < n; a++) {
    const dayA = dayByPosition[a] + shift;
    const end = rowStart[a + 1];
    for (let p = rowStart[a]; p < end; p++) {
      const pair = pairs[p];
      const index = dayA - dayByPosition[pair >>> PAIR_ROW_BITS];
      if (index >>> 0 < span) counts[(pair & ROW_MASK) * stride + deltaColumn[index]]++;
    }
  }

  const finiteRows = plan.openDistanceRow ? distanceBands - 1 : distanceBands;
  if (plan.openTimeColumn) {
    for (let r = 0; r <= finiteRows; r++) {
      let counted = 0;
      for (let t = 0; t <= timeBands; t++) if (t !== timeBands - 1) counted += counts[r * stride + t];
      counts[r * stride + timeBands - 1] = plan.rowPairTotals[r] - counted;
    }
  }
  for (let r = 0; r < finiteRows; r++) {
    for (let t = 0; t < timeBands; t++) out[offset + r * timeBands + t] = counts[r * stride + t];
  }
  if (plan.openDistanceRow) {
    for (let t = 0; t < timeBands; t++) {
      let close = 0;
      for (let r = 0; r <= finiteRows; r++) close += counts[r * stride + t];
      out[offset + finiteRows * timeBands + t] = plan.timeTotals[t] - close;
    }
  }
}
