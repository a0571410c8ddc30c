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
 * Pair storage is compact (issue 15): each close pair is one 32-bit word, its partner's position.
 * The pairs of a position are sorted by scratch row and cut into runs of one row and at most
 * MAX_RUN pairs (runStart, runEnd, runRow), so the pass reads a row once per run, not per pair, and
 * a run's packed sums never overflow a field (count-table.ts).
 *
 * Time bands by look-up (count-table.ts): with S = the events' day span (last day − first day), a
 * signed difference Δ = day_a − day_b lies in [−S, S]. bandWeight[Δ + S] (packed pass) and
 * laneColumn[Δ + S] (general pass) give its time band; a two-year span makes tables of a few kB
 * that stay in the first-level cache; S is bounded (MAX_DAY_SPAN, a 4 MB table at most).
 */
import { bandOf, checkEdges, type DistanceMetric, largestFiniteEdge } from './bands.js';
import { BELOW_FIRST_EDGE, type ClosePairs, findClosePairs } from './close-pairs.js';
import { pairsPerTimeBand } from './time-band-totals.js';

/** Tables counted per pass over the pairs (count-table.ts is unrolled for exactly this many). */
export const LANE_BITS = 3;
export const LANES = 1 << LANE_BITS;
/**
 * Packed counting (count-table.ts): a run's counts per time band are summed in one 32-bit integer,
 * band t in bits FIELD_BITS·t … FIELD_BITS·(t+1) − 1, exact while every field stays below
 * 2^FIELD_BITS: runs hold at most MAX_RUN pairs, and PACKED_BANDS fields fill the 32 bits.
 */
export const FIELD_BITS = 8;
export const PACKED_BANDS = 4;
export const MAX_RUN = 2 ** FIELD_BITS - 1;
/**
 * Packed days (count-table.ts): two lanes' days share a 32-bit word, 16 bits each, and one
 * subtraction gives both lanes' Δ + S, which must stay below 2^16: S ≤ MAX_PACKED_DAY_SPAN
 * (about 89 years). A wider span takes the general pass.
 */
export const MAX_PACKED_DAY_SPAN = 2 ** 15 - 1;

/** Time bands must fit in a byte beside the "closer than the first edge" column. */
export const MAX_TIME_BANDS = 254;
/** Events a plan can hold: position × LANES indexes the scratch days far inside 32-bit integers. */
export const MAX_KNOX_EVENTS = 2 ** 24;
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
  /** Input index of the event at each position (cell order, close-pairs.ts). */
  order: Int32Array;
  /** Partner position of each close pair; the pairs of a position come one run after another. */
  pairs: Int32Array;
  /** The runs of position a are runStart[a] … runStart[a+1] − 1 (length eventCount + 1). */
  runStart: Int32Array;
  /** Run s holds pairs[runEnd[s − 1] … runEnd[s]) (from 0 for the first run). */
  runEnd: Int32Array;
  /** Scratch row of each run's pairs. */
  runRow: Uint8Array;
  /**
   * Whether the pass is packed (at most PACKED_BANDS time bands and S ≤ MAX_PACKED_DAY_SPAN):
   * count-table.ts then packs two lanes' days per word and sums bandWeight per run.
   */
  packed: boolean;
  /**
   * General pass: time column × LANES (count-table.ts) of a signed difference Δ at index Δ + S
   * (length 2S + 1); column timeBands = in no band. Pre-scaled so the pass adds it to a scratch
   * offset as it is. Empty when packed.
   */
  laneColumn: Uint16Array;
  /**
   * Packed pass: 2^(FIELD_BITS · time band of |Δ|) at index Δ + S, or 0 when |Δ| is in no band
   * (count-table.ts sums these per run of pairs); empty otherwise.
   */
  bandWeight: Int32Array;
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
  const runs = runsByRow(closePairs, finiteRows);
  const packed = timeBands <= PACKED_BANDS && daySpan <= MAX_PACKED_DAY_SPAN;
  return {
    eventCount: x.length,
    distanceBands,
    timeBands,
    openDistanceRow,
    firstDay,
    daySpan,
    order: closePairs.order,
    ...runs,
    packed,
    laneColumn: packed ? new Uint16Array(0) : laneColumns(daySpan, timeEdgesDays),
    bandWeight: packed ? bandWeights(daySpan, timeEdgesDays) : new Int32Array(0),
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
 * The partners of each position in ascending scratch row (a counting sort per position, stable),
 * cut into runs of one row and at most MAX_RUN pairs. A pair closer than the first distance edge
 * goes to the extra row `finiteRows`.
 */
function runsByRow(
  closePairs: ClosePairs,
  finiteRows: number,
): Pick<KnoxPlan, 'pairs' | 'runStart' | 'runEnd' | 'runRow'> {
  const { rowStart, partner, band } = closePairs;
  const positions = rowStart.length - 1;
  const rowOf = (p: number) => (band[p] === BELOW_FIRST_EDGE ? finiteRows : band[p]);
  const pairs = new Int32Array(closePairs.count);
  const runStart = new Int32Array(positions + 1);
  const runEnd: number[] = [];
  const runRow: number[] = [];
  const next = new Int32Array(finiteRows + 1);
  for (let a = 0; a < positions; a++) {
    runStart[a] = runEnd.length;
    const from = rowStart[a];
    const to = rowStart[a + 1];
    next.fill(0);
    for (let p = from; p < to; p++) next[rowOf(p)]++;
    let start = from;
    for (let r = 0; r <= finiteRows; r++) {
      const count = next[r];
      for (let end = start; end < start + count; ) {
        end = Math.min(start + count, end + MAX_RUN);
        runEnd.push(end);
        runRow.push(r);
      }
      next[r] = start;
      start += count;
    }
    for (let p = from; p < to; p++) pairs[next[rowOf(p)]++] = partner[p];
  }
  runStart[positions] = runEnd.length;
  return { pairs, runStart, runEnd: Int32Array.from(runEnd), runRow: Uint8Array.from(runRow) };
}

/** bandWeight[Δ + S] = 2^(FIELD_BITS · time band of |Δ|), or 0 when it is in none. */
function bandWeights(daySpan: number, timeEdgesDays: readonly number[]): Int32Array {
  const weight = new Int32Array(2 * daySpan + 1);
  for (let index = 0; index < weight.length; index++) {
    const t = bandOf(Math.abs(index - daySpan), timeEdgesDays);
    weight[index] = t < 0 ? 0 : 1 << (FIELD_BITS * t);
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
