/**
 * Knox tables from a plan and days per event (DESIGN.md §4, "Near repeat").
 *
 *   table[r][t] = #{pairs i < j : distance band r, |day_i − day_j| in time band t}
 *
 * One pass over the plan's close pairs (knox-plan.ts) counts LANES tables at once, one per lane of
 * days (a permutation each, or the observed days): the pass streams each packed pair once for all
 * lanes, and the lanes' days sit side by side (dayByLane[position · LANES + lane]), so one cache line
 * holds a partner's day in every lane. Per pair and lane the work is branch-free:
 *   index = (day_a − firstDay + daySpan) − (day_b − firstDay)   (0 … 2·daySpan, never negative)
 *   counts[row · (timeBands + 1) · LANES + laneColumn[index] + lane]++
 * laneColumn holds the column × LANES, so the lanes' counts of a cell are neighbours and a lane is a
 * constant offset in the unrolled loop. It sends a difference in no band to a discarded column, so
 * no comparison decides whether
 * to count (under random days most close pairs are further apart than the last time edge, and a
 * branch on that mispredicts often). An open last time column (edge Infinity) is filled by the same
 * look-up. The open last distance row (edge Infinity) is derived, exactly: timeTotals[t] − every
 * close pair in time band t, including those closer than the first distance edge, because the close
 * pairs are precisely the pairs closer than the last finite distance edge.
 * O(n + close pairs) per LANES tables; `scratch` is reused between calls, so the pass allocates nothing.
 *
 * Tables are written row-major (rows = distance bands, columns = time bands) one after another into
 * `out` from `offset`.
 */
import { FIELD, type KnoxPlan, LANES, PACKED_BANDS, PAIR_ROW_BITS } from './knox-plan.js';

/** log2(LANES): positions are scaled by a shift, which stays a small integer in the JIT's eyes. */
const LANE_BITS = 2;
const ROW_MASK = (1 << PAIR_ROW_BITS) - 1;

export interface KnoxScratch {
  /** (finite rows + 1) × (time bands + 1) cells of LANES counts each: cell c, lane k at c · LANES + k. */
  counts: Int32Array;
  /** Days minus plan.firstDay in cell order, LANES per position. */
  dayByLane: Int32Array;
}

/** A scratch buffer sized for the plan. */
export function createScratch(plan: KnoxPlan): KnoxScratch {
  return {
    counts: new Int32Array(scratchTableSize(plan) << LANE_BITS),
    dayByLane: new Int32Array(plan.eventCount * LANES),
  };
}

/** Puts `day` (input order) into lane `lane` of the scratch, in cell order. */
export function setLane(plan: KnoxPlan, scratch: KnoxScratch, lane: number, day: Int32Array): void {
  const { order, eventCount, firstDay } = plan;
  const dayByLane = scratch.dayByLane;
  for (let a = 0; a < eventCount; a++) dayByLane[a * LANES + lane] = day[order[a]] - firstDay;
}

/** Copies lane `from` into lane `to` (a lane with no permutation of its own still has valid days). */
export function copyLane(plan: KnoxPlan, scratch: KnoxScratch, from: number, to: number): void {
  const dayByLane = scratch.dayByLane;
  for (let a = 0; a < plan.eventCount; a++) dayByLane[a * LANES + to] = dayByLane[a * LANES + from];
}

/** The table for `day` (input order) into out[offset … offset + rows·columns). */
export function countKnoxTable(
  plan: KnoxPlan,
  day: Int32Array,
  scratch: KnoxScratch,
  out: Float64Array,
  offset = 0,
): void {
  setLane(plan, scratch, 0, day);
  for (let lane = 1; lane < LANES; lane++) copyLane(plan, scratch, 0, lane);
  countLanes(plan, scratch, out, offset, 1);
}

/**
 * Counts the tables of every lane in one pass and writes the first `tables` (1 … LANES) of them
 * into `out` from `offset`.
 */
export function countLanes(
  plan: KnoxPlan,
  scratch: KnoxScratch,
  out: Float64Array,
  offset: number,
  tables: number,
): void {
  const { rowStart, pairs, laneColumn, daySpan, eventCount } = plan;
  const rowCells = (plan.timeBands + 1) << LANE_BITS;
  const { dayByLane, counts } = scratch;
  if (plan.timeBands <= PACKED_BANDS) {
    passPacked(rowStart, pairs, plan.bandWeight, dayByLane, counts, daySpan, rowCells, eventCount);
  } else {
    passOverPairs(rowStart, pairs, laneColumn, dayByLane, counts, daySpan, rowCells, eventCount);
  }
  const cells = plan.distanceBands * plan.timeBands;
  for (let lane = 0; lane < tables; lane++) writeTable(plan, counts, lane, out, offset + lane * cells);
}

/**
 * The hot loop, alone in its function so the JIT optimises it once with settled type feedback
 * (the code after a loop that is compiled on stack replacement would otherwise deoptimise it).
 */
function passOverPairs(
  rowStart: Int32Array,
  pairs: Uint32Array,
  laneColumn: Uint16Array,
  dayByLane: Int32Array,
  counts: Int32Array,
  daySpan: number,
  rowCells: number,
  eventCount: number,
): void {
  counts.fill(0);
  for (let a = 0; a < eventCount; a++) {
    const lanesA = a << LANE_BITS;
    const d0 = dayByLane[lanesA] + daySpan;
    const d1 = dayByLane[lanesA + 1] + daySpan;
    const d2 = dayByLane[lanesA + 2] + daySpan;
    const d3 = dayByLane[lanesA + 3] + daySpan;
    const end = rowStart[a + 1];
    for (let p = rowStart[a]; p < end; p++) {
      const pair = pairs[p];
      const lanesB = (pair >>> PAIR_ROW_BITS) << LANE_BITS;
      const row = (pair & ROW_MASK) * rowCells;
      counts[row + laneColumn[d0 - dayByLane[lanesB]]]++;
      counts[row + laneColumn[d1 - dayByLane[lanesB + 1]] + 1]++;
      counts[row + laneColumn[d2 - dayByLane[lanesB + 2]] + 2]++;
      counts[row + laneColumn[d3 - dayByLane[lanesB + 3]] + 3]++;
    }
  }
}

/**
 * The pass for at most PACKED_BANDS time bands, without a store per pair: the pairs of a position
 * come in runs of one scratch row (knox-plan.ts sorts them so), and each lane sums
 * bandWeight[index] = FIELD^band (0 for no band) over a run of at most FIELD − 1 pairs in a register.
 * A run's sum is exact (integers below 2^53) and no field reaches FIELD, so addRun reads each band's
 * count back digit by digit in base FIELD. Four adds per pair and lane's worth of registers replace
 * the load-increment-store of passOverPairs.
 */
function passPacked(
  rowStart: Int32Array,
  pairs: Uint32Array,
  bandWeight: Float64Array,
  dayByLane: Int32Array,
  counts: Int32Array,
  daySpan: number,
  rowCells: number,
  eventCount: number,
): void {
  counts.fill(0);
  for (let a = 0; a < eventCount; a++) {
    const lanesA = a << LANE_BITS;
    const d0 = dayByLane[lanesA] + daySpan;
    const d1 = dayByLane[lanesA + 1] + daySpan;
    const d2 = dayByLane[lanesA + 2] + daySpan;
    const d3 = dayByLane[lanesA + 3] + daySpan;
    const end = rowStart[a + 1];
    let p = rowStart[a];
    while (p < end) {
      const row = pairs[p] & ROW_MASK;
      const stop = Math.min(end, p + FIELD - 1);
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (; p < stop; p++) {
        const pair = pairs[p];
        if ((pair & ROW_MASK) !== row) break;
        const lanesB = (pair >>> PAIR_ROW_BITS) << LANE_BITS;
        s0 += bandWeight[d0 - dayByLane[lanesB]];
        s1 += bandWeight[d1 - dayByLane[lanesB + 1]];
        s2 += bandWeight[d2 - dayByLane[lanesB + 2]];
        s3 += bandWeight[d3 - dayByLane[lanesB + 3]];
      }
      const cell = row * rowCells;
      addRun(counts, cell, s0);
      addRun(counts, cell + 1, s1);
      addRun(counts, cell + 2, s2);
      addRun(counts, cell + 3, s3);
    }
  }
}

/** Adds a run's packed sum to the lane's counts of its row: field t to column t (stride LANES). */
function addRun(counts: Int32Array, laneCell: number, packedSum: number): void {
  let rest = packedSum;
  for (let t = 0; rest > 0; t++) {
    const field = rest % FIELD;
    counts[laneCell + t * LANES] += field;
    rest = (rest - field) / FIELD;
  }
}

/** One lane's counts as a table, with the open distance row derived from the time-band totals. */
function writeTable(
  plan: KnoxPlan,
  counts: Int32Array,
  lane: number,
  out: Float64Array,
  offset: number,
): void {
  const { distanceBands, timeBands } = plan;
  const stride = timeBands + 1;
  const finiteRows = plan.openDistanceRow ? distanceBands - 1 : distanceBands;
  const count = (r: number, t: number) => counts[((r * stride + t) << LANE_BITS) + lane];
  for (let r = 0; r < finiteRows; r++) {
    for (let t = 0; t < timeBands; t++) out[offset + r * timeBands + t] = count(r, t);
  }
  if (plan.openDistanceRow) {
    for (let t = 0; t < timeBands; t++) {
      let close = 0;
      for (let r = 0; r <= finiteRows; r++) close += count(r, t);
      out[offset + finiteRows * timeBands + t] = plan.timeTotals[t] - close;
    }
  }
}

/** Cells of one lane's counts: (finite rows + the "closer than the first edge" row) × (time bands + discard). */
function scratchTableSize(plan: KnoxPlan): number {
  const finiteRows = plan.openDistanceRow ? plan.distanceBands - 1 : plan.distanceBands;
  return (finiteRows + 1) * (plan.timeBands + 1);
}
