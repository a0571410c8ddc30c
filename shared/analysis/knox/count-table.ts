/**
 * Knox tables from a plan and days per event (DESIGN.md §4, "Near repeat").
 *
 *   table[r][t] = #{pairs i < j : distance band r, |day_i − day_j| in time band t}
 *
 * One pass over the plan's close pairs (knox-plan.ts) counts LANES tables at once, one per lane of
 * days (a permutation each, or the observed days): the pass streams each pair once for all lanes,
 * and the lanes' days of a position sit side by side, so one cache line holds a partner's day in
 * every lane. The pairs of a position come in runs of one scratch row (knox-plan.ts), so the row is
 * read once per run. Two passes, both branch-free per pair and lane:
 *
 * Packed (plan.packed: at most PACKED_BANDS time bands, span S ≤ MAX_PACKED_DAY_SPAN). Days are
 * held two lanes to a 32-bit word, lane 2k in the low 16 bits of word k and lane 2k + 1 in the high
 * 16 (dayWords[position · LANES/2 + k]). With A = day word of a + (S | S << 16), one subtraction
 * A − B gives Δ + S of both lanes, each in [0, 2S] ⊂ [0, 2^16), so no borrow crosses the fields.
 * Each lane sums bandWeight[Δ + S] = 2^(FIELD_BITS · band) (0 for no band) over a run in a 32-bit
 * register; a run holds at most MAX_RUN pairs, so no field overflows and addRun reads each band's
 * count back by shift and mask. A pair costs one load of its partner, LANES/2 day words, and LANES
 * look-ups and integer adds: no store.
 *
 * General (more time bands, or a wider span). Days are one lane to a word (dayWords[position · LANES
 * + lane]) and each pair and lane increments
 *   counts[row · columns · LANES + laneColumn[Δ + S] + lane]   (columns: scratchColumns)
 * laneColumn holds the column × LANES, so the lanes' counts of a cell are neighbours. It sends a
 * difference in no band to a discarded column, so no comparison decides whether to count (under
 * random days most close pairs are further apart than the last time edge, and a branch on that
 * mispredicts often).
 *
 * An open last time column (edge Infinity) is filled by the same look-ups. The open last distance
 * row (edge Infinity) is derived, exactly: timeTotals[t] − every close pair in time band t,
 * including those closer than the first distance edge, because the close pairs are precisely the
 * pairs closer than the last finite distance edge.
 * O(n + close pairs) per LANES tables; `scratch` is reused between calls, so the pass allocates nothing.
 *
 * Tables are written row-major (rows = distance bands, columns = time bands) one after another into
 * `out` from `offset`.
 */
import { FIELD_BITS, type KnoxPlan, LANE_BITS, LANES, PACKED_BANDS } from './knox-plan.js';

/** Packed days: LANES / 2 words per position (positions are scaled by shifts, LANE_BITS = log2 LANES). */
const WORD_BITS = LANE_BITS - 1;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
const DAY_MASK = 0xffff;

export interface KnoxScratch {
  /** (finite rows + 1) × scratchColumns cells of LANES counts each: cell c, lane k at c · LANES + k. */
  counts: Int32Array;
  /** Days minus plan.firstDay in cell order: LANES per position, two to a word when packed. */
  dayWords: Int32Array;
}

/** A scratch buffer sized for the plan. */
export function createScratch(plan: KnoxPlan): KnoxScratch {
  const wordBits = plan.packed ? WORD_BITS : LANE_BITS;
  return {
    counts: new Int32Array(scratchTableSize(plan) << LANE_BITS),
    dayWords: new Int32Array(plan.eventCount << wordBits),
  };
}

/**
 * Puts `day` (input order) into lane `lane` of the scratch, in cell order. A lane never set holds
 * day 0 or an earlier call's days, valid days either way, so a pass may count it and ignore it.
 */
export function setLane(plan: KnoxPlan, scratch: KnoxScratch, lane: number, day: Int32Array): void {
  const { order, eventCount, firstDay } = plan;
  const words = scratch.dayWords;
  if (!plan.packed) {
    for (let a = 0; a < eventCount; a++) words[(a << LANE_BITS) + lane] = day[order[a]] - firstDay;
    return;
  }
  const word = lane >> 1;
  const shift = (lane & 1) << 4;
  const keep = ~(DAY_MASK << shift);
  for (let a = 0; a < eventCount; a++) {
    const w = (a << WORD_BITS) + word;
    words[w] = (words[w] & keep) | ((day[order[a]] - firstDay) << shift);
  }
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
  const { runStart, runEnd, runRow, pairs, daySpan, eventCount } = plan;
  const rowCells = scratchColumns(plan) << LANE_BITS;
  const { dayWords, counts } = scratch;
  counts.fill(0);
  if (plan.packed) {
    passPacked(
      runStart,
      runEnd,
      runRow,
      pairs,
      plan.bandWeight,
      dayWords,
      counts,
      daySpan,
      rowCells,
      eventCount,
    );
  } else {
    passOverPairs(
      runStart,
      runEnd,
      runRow,
      pairs,
      plan.laneColumn,
      dayWords,
      counts,
      daySpan,
      rowCells,
      eventCount,
    );
  }
  const cells = plan.distanceBands * plan.timeBands;
  for (let lane = 0; lane < tables; lane++) writeTable(plan, counts, lane, out, offset + lane * cells);
}

/**
 * The hot loops, each alone in its function so the JIT optimises it once with settled type
 * feedback (the code after a loop that is compiled on stack replacement would otherwise deoptimise it).
 */
function passOverPairs(
  runStart: Int32Array,
  runEnd: Int32Array,
  runRow: Uint8Array,
  pairs: Int32Array,
  laneColumn: Uint16Array,
  dayByLane: Int32Array,
  counts: Int32Array,
  daySpan: number,
  rowCells: number,
  eventCount: number,
): void {
  let p = 0;
  for (let a = 0; a < eventCount; a++) {
    const lanesA = a << LANE_BITS;
    const d0 = dayByLane[lanesA] + daySpan;
    const d1 = dayByLane[lanesA + 1] + daySpan;
    const d2 = dayByLane[lanesA + 2] + daySpan;
    const d3 = dayByLane[lanesA + 3] + daySpan;
    const d4 = dayByLane[lanesA + 4] + daySpan;
    const d5 = dayByLane[lanesA + 5] + daySpan;
    const d6 = dayByLane[lanesA + 6] + daySpan;
    const d7 = dayByLane[lanesA + 7] + daySpan;
    for (let run = runStart[a], last = runStart[a + 1]; run < last; run++) {
      const row = runRow[run] * rowCells;
      for (const end = runEnd[run]; p < end; p++) {
        const lanesB = pairs[p] << LANE_BITS;
        counts[row + laneColumn[d0 - dayByLane[lanesB]]]++;
        counts[row + laneColumn[d1 - dayByLane[lanesB + 1]] + 1]++;
        counts[row + laneColumn[d2 - dayByLane[lanesB + 2]] + 2]++;
        counts[row + laneColumn[d3 - dayByLane[lanesB + 3]] + 3]++;
        counts[row + laneColumn[d4 - dayByLane[lanesB + 4]] + 4]++;
        counts[row + laneColumn[d5 - dayByLane[lanesB + 5]] + 5]++;
        counts[row + laneColumn[d6 - dayByLane[lanesB + 6]] + 6]++;
        counts[row + laneColumn[d7 - dayByLane[lanesB + 7]] + 7]++;
      }
    }
  }
}

/**
 * The packed pass (see the header): per run, each lane sums bandWeight in a 32-bit register. The
 * `| 0`s keep every value a 32-bit integer: A wraps past 2^31 when S is large, and a wrapped
 * difference still holds both lanes' fields in its bits.
 */
function passPacked(
  runStart: Int32Array,
  runEnd: Int32Array,
  runRow: Uint8Array,
  pairs: Int32Array,
  bandWeight: Int32Array,
  dayWords: Int32Array,
  counts: Int32Array,
  daySpan: number,
  rowCells: number,
  eventCount: number,
): void {
  const bias = daySpan | (daySpan << 16);
  let p = 0;
  for (let a = 0; a < eventCount; a++) {
    const wordsA = a << WORD_BITS;
    const a0 = (dayWords[wordsA] + bias) | 0;
    const a1 = (dayWords[wordsA + 1] + bias) | 0;
    const a2 = (dayWords[wordsA + 2] + bias) | 0;
    const a3 = (dayWords[wordsA + 3] + bias) | 0;
    for (let run = runStart[a], last = runStart[a + 1]; run < last; run++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let s7 = 0;
      for (const end = runEnd[run]; p < end; p++) {
        const wordsB = pairs[p] << WORD_BITS;
        const x0 = (a0 - dayWords[wordsB]) | 0;
        const x1 = (a1 - dayWords[wordsB + 1]) | 0;
        const x2 = (a2 - dayWords[wordsB + 2]) | 0;
        const x3 = (a3 - dayWords[wordsB + 3]) | 0;
        s0 = (s0 + bandWeight[x0 & DAY_MASK]) | 0;
        s1 = (s1 + bandWeight[x0 >>> 16]) | 0;
        s2 = (s2 + bandWeight[x1 & DAY_MASK]) | 0;
        s3 = (s3 + bandWeight[x1 >>> 16]) | 0;
        s4 = (s4 + bandWeight[x2 & DAY_MASK]) | 0;
        s5 = (s5 + bandWeight[x2 >>> 16]) | 0;
        s6 = (s6 + bandWeight[x3 & DAY_MASK]) | 0;
        s7 = (s7 + bandWeight[x3 >>> 16]) | 0;
      }
      const cell = runRow[run] * rowCells;
      addRun(counts, cell, s0);
      addRun(counts, cell + 1, s1);
      addRun(counts, cell + 2, s2);
      addRun(counts, cell + 3, s3);
      addRun(counts, cell + 4, s4);
      addRun(counts, cell + 5, s5);
      addRun(counts, cell + 6, s6);
      addRun(counts, cell + 7, s7);
    }
  }
}

/**
 * Adds a run's packed sum to the lane's counts of its row: field t to column t (stride LANES). All
 * PACKED_BANDS fields, without a loop: under an open last band nearly every run has a count there,
 * and a loop that stops at the last non-zero field would mispredict its exit.
 */
function addRun(counts: Int32Array, laneCell: number, packedSum: number): void {
  counts[laneCell] += packedSum & FIELD_MASK;
  counts[laneCell + LANES] += (packedSum >>> FIELD_BITS) & FIELD_MASK;
  counts[laneCell + 2 * LANES] += (packedSum >>> (2 * FIELD_BITS)) & FIELD_MASK;
  counts[laneCell + 3 * LANES] += packedSum >>> (3 * FIELD_BITS);
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
  const stride = scratchColumns(plan);
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

/** Cells of one lane's counts: (finite rows + the "closer than the first edge" row) × scratchColumns. */
function scratchTableSize(plan: KnoxPlan): number {
  const finiteRows = plan.openDistanceRow ? plan.distanceBands - 1 : plan.distanceBands;
  return (finiteRows + 1) * scratchColumns(plan);
}

/**
 * Columns of a scratch row: the time bands and the discarded column, and at least PACKED_BANDS, so
 * addRun may add all PACKED_BANDS fields of a run's sum (those past the time bands are 0) inside
 * the row.
 */
function scratchColumns(plan: KnoxPlan): number {
  return Math.max(plan.timeBands + 1, PACKED_BANDS);
}
