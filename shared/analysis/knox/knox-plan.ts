/**
 * Everything about a Knox run that permutation does not change, computed once (DESIGN.md §4,
 * "Near repeat"): the close pairs with their distance bands (close-pairs.ts), a look-up from a
 * signed day difference to its time band, the pairs per time band over all pairs
 * (time-band-totals.ts) and the close pairs per distance row. A plan holds typed arrays only, so it
 * can be sent to worker threads.
 *
 * Scratch table of the pass over pairs (count-table.ts): (finite distance rows + 1) × (time bands + 1)
 * cells; the extra row holds pairs closer than the first distance edge and the extra column pairs
 * closer than the first time edge, both discarded.
 *
 * Pair storage is compact (issue 15): each close pair is one 32-bit word, its partner's position in
 * the top 24 bits and its scratch row in the low 8 (PAIR_ROW_BITS), so the pass over millions of
 * pairs streams 4 bytes per pair instead of 6 from two arrays. Positions must therefore be below
 * 2^24 (MAX_KNOX_EVENTS), far above the engine's guard rails.
 *
 * Only differences |Δ| < L, L = the largest finite time edge, are counted pair by pair, through
 * deltaColumn[Δ + L − 1] (Δ signed, so no branch on its sign). Under random days most close pairs are
 * further apart than L; they are derived instead: an open last time column "≥ L" is the distance row's
 * pair total (invariant: locations are fixed) minus its other cells, and with a finite last time edge
 * they are in no band at all.
 */
import { bandOf, checkEdges, type DistanceMetric, largestFiniteEdge } from './bands.js';
import { BELOW_FIRST_EDGE, findClosePairs } from './close-pairs.js';
import { pairsPerTimeBand } from './time-band-totals.js';

/** Time bands must fit in a byte beside the "closer than the first edge" column. */
export const MAX_TIME_BANDS = 254;
/** Low bits of a packed pair holding its scratch row (≤ 254 finite rows + the "closer" row). */
export const PAIR_ROW_BITS = 8;
/** Events a plan can hold: a partner position fits in the 24 high bits of a packed pair. */
export const MAX_KNOX_EVENTS = 2 ** (32 - PAIR_ROW_BITS);
/** A finite time edge beyond this (about 27,000 years) is a mistake, not a band. */
const MAX_TIME_EDGE_DAYS = 10_000_000;

export interface KnoxPlan {
  eventCount: number;
  distanceBands: number;
  timeBands: number;
  /** Whether the last distance edge is Infinity (its row comes from timeTotals). */
  openDistanceRow: boolean;
  /** Whether the last time edge is Infinity (its column comes from rowPairTotals). */
  openTimeColumn: boolean;
  /** L: the largest finite time edge; only |Δ| < L is counted pair by pair. */
  timeLimitDays: number;
  /** Close pairs in cell order (see close-pairs.ts): the pairs of position a are pairs[rowStart[a] … rowStart[a+1]). */
  order: Int32Array;
  rowStart: Int32Array;
  /** Each close pair packed as (partner position << PAIR_ROW_BITS) | scratch row. */
  pairs: Uint32Array;
  /** Time column of a signed difference Δ, at index Δ + L − 1 (length 2L − 1). */
  deltaColumn: Uint8Array;
  /** Close pairs per scratch row (finite distance rows, then the "closer than the first edge" row). */
  rowPairTotals: Float64Array;
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
  const closePairs = findClosePairs(x, y, distanceEdgesM, metric);
  const pairs = new Uint32Array(closePairs.count);
  const rowPairTotals = new Float64Array(finiteRows + 1);
  for (let p = 0; p < closePairs.count; p++) {
    const row = closePairs.band[p] === BELOW_FIRST_EDGE ? finiteRows : closePairs.band[p];
    pairs[p] = ((closePairs.partner[p] << PAIR_ROW_BITS) | row) >>> 0;
    rowPairTotals[row]++;
  }
  const deltaColumn = new Uint8Array(Math.max(0, 2 * timeLimitDays - 1));
  for (let index = 0; index < deltaColumn.length; index++) {
    const t = bandOf(Math.abs(index - (timeLimitDays - 1)), timeEdgesDays);
    deltaColumn[index] = t < 0 ? timeBands : t;
  }
  return {
    eventCount: x.length,
    distanceBands,
    timeBands,
    openDistanceRow,
    openTimeColumn: timeEdgesDays[timeBands] === Infinity,
    timeLimitDays,
    order: closePairs.order,
    rowStart: closePairs.rowStart,
    pairs,
    deltaColumn,
    rowPairTotals,
    timeTotals: pairsPerTimeBand(day, timeEdgesDays),
  };
}
