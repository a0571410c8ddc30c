/**
 * Everything about a Knox run that permutation does not change, computed once (DESIGN.md §4,
 * "Near repeat"): the close pairs with their distance bands (close-pairs.ts), a look-up from a
 * signed day difference to its time band and the pairs per time band over all pairs
 * (time-band-totals.ts). A plan holds typed arrays only, so it can be sent to worker threads.
 *
 * Scratch table of the pass over pairs (count-table.ts): (finite distance rows + 1) × (time bands + 1)
 * cells; the extra row holds pairs closer than the first distance edge and the extra column pairs
 * whose day difference is in no time band, both discarded.
 *
 * Pair storage is compact (issue 15): each close pair is one 32-bit word, its partner's position in
 * the top 24 bits and its scratch row in the low 8 (PAIR_ROW_BITS), so the pass over millions of
 * pairs streams 4 bytes per pair instead of 6 from two arrays. Positions must therefore be below
 * 2^24 (MAX_KNOX_EVENTS), far above the engine's guard rails.
 *
 * Time bands by look-up (count-table.ts): with S = the events' day span (last day − first day), a
 * signed difference Δ = day_a − day_b lies in [−S, S], and laneColumn[Δ + S] is its time band (× LANES), or
 * the discarded column (timeBands) when |Δ| is in no band. Two years of events make a 3 kB table
 * that stays in the first-level cache; S is bounded (MAX_DAY_SPAN, a 4 MB table at most).
 */
import { bandOf, checkEdges, type DistanceMetric, largestFiniteEdge } from './bands.js';
import { BELOW_FIRST_EDGE, findClosePairs } from './close-pairs.js';
import { pairsPerTimeBand } from './time-band-totals.js';

/** Tables counted per pass over the pairs (count-table.ts is unrolled for exactly this many). */
export const LANES = 4;
/**
 * Packed counting (count-table.ts): a run's counts per time band are summed in one double, band t
 * in the bits FIELD^t … FIELD^(t+1) − 1, exact while every field stays below FIELD (runs of at most
 * FIELD − 1 pairs) and PACKED_BANDS fields fit in the 53 bits of a double's integers.
 */
export const FIELD = 2 ** 13;
export const PACKED_BANDS = 4;

/** Time bands must fit in a byte beside the "closer than the first edge" column. */
export const MAX_TIME_BANDS = 254;
/** Low bits of a packed pair holding its scratch row (≤ 254 finite rows + the "closer" row). */
export const PAIR_ROW_BITS = 8;
/** Events a plan can hold: a partner position fits in the 24 high bits of a packed pair. */
export const MAX_KNOX_EVENTS = 2 ** (32 - PAIR_ROW_BITS);
/** A finite time edge beyond this (about 27,000 years) is a mistake, not a band. */
const MAX_TIME_EDGE_DAYS = 10_000_000;
/** Events spread over more days than this (about 2,700 years) hold a stray date. */
export const MAX_DAY_SPAN = 1_000_000;

export interface KnoxPlan {
  eventCount: number;
  distanceBands: number;
  timeBands: number;
  /** Whether the last distance edge is Infinity (its row comes from timeTotals). */
  openDistanceRow: boolean;
  /** The earliest day of the events; lanes of days are held relative to it. */
  firstDay: number;
  /** S: last day − first day, so every difference Δ lies in [−S, S]. */
  daySpan: number;
  /** Close pairs in cell order (see close-pairs.ts): the pairs of position a are pairs[rowStart[a] … rowStart[a+1]). */
  order: Int32Array;
  rowStart: Int32Array;
  /** Each close pair packed as (partner position << PAIR_ROW_BITS) | scratch row. */
  pairs: Uint32Array;
  /**
   * Time column × LANES (count-table.ts) of a signed difference Δ at index Δ + S (length 2S + 1);
   * column timeBands = in no band. Pre-scaled so the pass adds it to a scratch offset as it is.
   */
  laneColumn: Uint16Array;
  /**
   * With at most PACKED_BANDS time bands: FIELD^(time band of |Δ|) at index Δ + S, or 0 when |Δ| is
   * in no band (count-table.ts sums these per run of pairs); empty otherwise.
   */
  bandWeight: Float64Array;
  /** Pairs per time band over all pairs (invariant under permutation). */
  timeTotals: Float64Array;
}

export interface KnoxPlanInput {
  x: Float64Array;
  y: Float64Array;
  day: Int32Array;
  distanceEdgesM: readonly number[];
  timeEdgesDays: readonly number[];
  metric: DistanceMetric;
}

export function buildKnoxPlan(input: KnoxPlanInput): KnoxPlan {
  const { x, y, day, distanceEdgesM, timeEdgesDays, metric } = input;
  checkEdges('distanceEdgesM', distanceEdgesM);
  checkEdges('timeEdgesDays', timeEdgesDays, true);
  if (timeEdgesDays.length - 1 > MAX_TIME_BANDS) {
    throw new RangeError(`at most ${MAX_TIME_BANDS} time bands, got ${timeEdgesDays.length - 1}`);
  }
  const timeLimitDays = largestFiniteEdge(timeEdgesDays);
  if (timeLimitDays > MAX_TIME_EDGE_DAYS) {
    throw new RangeError(`time edges must be at most ${MAX_TIME_EDGE_DAYS} days, got ${timeLimitDays}`);
  }
  if (day.length !== x.length || y.length !== x.length) {
    throw new RangeError(
      `x, y and day must have one entry per event, got ${x.length}, ${y.length}, ${day.length}`,
    );
  }

  const distanceBands = distanceEdgesM.length - 1;
  const timeBands = timeEdgesDays.length - 1;
  const openDistanceRow = distanceEdgesM[distanceBands] === Infinity;
  const finiteRows = openDistanceRow ? distanceBands - 1 : distanceBands;
  if (x.length > MAX_KNOX_EVENTS) {
    throw new RangeError(`the Knox test takes at most ${MAX_KNOX_EVENTS} events, got ${x.length}`);
  }
  const { firstDay, daySpan } = dayRange(day);
  const closePairs = findClosePairs(x, y, distanceEdgesM, metric);
  const packed = new Uint32Array(closePairs.count);
  for (let p = 0; p < closePairs.count; p++) {
    const row = closePairs.band[p] === BELOW_FIRST_EDGE ? finiteRows : closePairs.band[p];
    packed[p] = ((closePairs.partner[p] << PAIR_ROW_BITS) | row) >>> 0;
  }
  const pairs = byRowWithinPosition(packed, closePairs.rowStart, finiteRows + 1);
  return {
    eventCount: x.length,
    distanceBands,
    timeBands,
    openDistanceRow,
    firstDay,
    daySpan,
    order: closePairs.order,
    rowStart: closePairs.rowStart,
    pairs,
    laneColumn: laneColumns(daySpan, timeEdgesDays),
    bandWeight: timeBands <= PACKED_BANDS ? bandWeights(daySpan, timeEdgesDays) : new Float64Array(0),
    timeTotals: pairsPerTimeBand(day, timeEdgesDays),
  };
}

/** The first day and the span of the events' days (0 and 0 for no events). */
function dayRange(day: Int32Array): { firstDay: number; daySpan: number } {
  if (day.length === 0) return { firstDay: 0, daySpan: 0 };
  let first = day[0];
  let last = day[0];
  for (let i = 1; i < day.length; i++) {
    if (day[i] < first) first = day[i];
    if (day[i] > last) last = day[i];
  }
  if (last - first > MAX_DAY_SPAN) {
    throw new RangeError(
      `the events' dates span ${last - first} days, more than ${MAX_DAY_SPAN}: check for a stray date`,
    );
  }
  return { firstDay: first, daySpan: last - first };
}

/**
 * The packed pairs of each position in ascending scratch row (a counting sort per position, stable),
 * so the pass meets each row of a position as one run.
 */
function byRowWithinPosition(packed: Uint32Array, rowStart: Int32Array, rows: number): Uint32Array {
  const sorted = new Uint32Array(packed.length);
  const next = new Int32Array(rows);
  for (let a = 0; a + 1 < rowStart.length; a++) {
    const from = rowStart[a];
    const to = rowStart[a + 1];
    next.fill(0);
    for (let p = from; p < to; p++) next[packed[p] & ((1 << PAIR_ROW_BITS) - 1)]++;
    let start = from;
    for (let r = 0; r < rows; r++) {
      const count = next[r];
      next[r] = start;
      start += count;
    }
    for (let p = from; p < to; p++) sorted[next[packed[p] & ((1 << PAIR_ROW_BITS) - 1)]++] = packed[p];
  }
  return sorted;
}

/** bandWeight[Δ + S] = FIELD^(time band of |Δ|), or 0 when it is in none. */
function bandWeights(daySpan: number, timeEdgesDays: readonly number[]): Float64Array {
  const weight = new Float64Array(2 * daySpan + 1);
  for (let index = 0; index < weight.length; index++) {
    const t = bandOf(Math.abs(index - daySpan), timeEdgesDays);
    weight[index] = t < 0 ? 0 : FIELD ** t;
  }
  return weight;
}

/** laneColumn[Δ + S] = LANES × (time band of |Δ|, or timeBands (discarded) when it is in none). */
function laneColumns(daySpan: number, timeEdgesDays: readonly number[]): Uint16Array {
  const timeBands = timeEdgesDays.length - 1;
  const column = new Uint16Array(2 * daySpan + 1);
  for (let index = 0; index < column.length; index++) {
    const t = bandOf(Math.abs(index - daySpan), timeEdgesDays);
    column[index] = (t < 0 ? timeBands : t) * LANES;
  }
  return column;
}
