/**
 * The Knox result as one plain, JSON-safe object (DESIGN.md §4, "Near repeat"; issue 5's `--json`
 * shape): matrices as arrays of rows (rows = distance bands, columns = time bands), infinite edges
 * written as null, and ratios without a defined value (zero expectation) as null. This is what the
 * Api returns and what the CLI prints, so every transport carries the same numbers. Significance
 * (q-values across the table's cells and the cells called significant) comes from
 * knox-significance.ts, with the sentence that says what Knox shows and what it does not.
 */
import type { DistanceMetric } from './bands.js';
import { KNOX_READING, knoxSignificance } from './knox-significance.js';
import type { KnoxResult } from './knox-test.js';

export type Matrix = number[][];
export type NullableMatrix = (number | null)[][];

export interface KnoxReport {
  events: number;
  closePairs: number;
  distanceEdges: (number | null)[];
  timeEdges: (number | null)[];
  distanceLabels: string[];
  timeLabels: string[];
  metric: DistanceMetric;
  /** Permutations the statistics use (fewer than asked for when an allowed early stop happened). */
  iterations: number;
  seed: number;
  /** Present when the analyst allowed a sequential early stop (sequential-stop.ts). */
  earlyStop?: EarlyStopReport;
  observed: Matrix;
  expectedMean: Matrix;
  expectedMedian: Matrix;
  knoxRatio: NullableMatrix;
  knoxRatioMedian: NullableMatrix;
  /** Unadjusted Monte Carlo p-value of each cell. */
  pValue: Matrix;
  /** Benjamini–Hochberg adjusted p-value of each cell, across the cells of the table. */
  qValue: Matrix;
  /** q < 0.05 and a Knox ratio above 1.00 (knox-significance.ts): what the outputs shade. */
  significant: boolean[][];
  /** What a significant cell shows and does not show (not a common offender), in plain words. */
  reading: string;
  /** Caveats and choices the output must state (time-window midpoints, month-precision override). */
  notes: string[];
}

export interface EarlyStopReport {
  /** h: permutations at least as large as observed that settle a cell. */
  exceedances: number;
  requestedIterations: number;
  stopped: boolean;
}

export function knoxReport(result: KnoxResult, notes: readonly string[] = []): KnoxReport {
  const { rows, columns } = result;
  const matrix = (values: Float64Array): Matrix => toRows(values, rows, columns, (v) => v);
  const nullable = (values: Float64Array): NullableMatrix =>
    toRows(values, rows, columns, (v) => (Number.isFinite(v) ? v : null));
  const pValue = matrix(result.pValue);
  const knoxRatio = nullable(result.knoxRatio);
  const { qValue, significant } = knoxSignificance(pValue, knoxRatio);
  const h = result.earlyStopExceedances;
  const earlyStop =
    h === null
      ? undefined
      : {
          exceedances: h,
          requestedIterations: result.iterations,
          stopped: result.iterationsUsed < result.iterations,
        };
  return {
    events: result.events,
    closePairs: result.closePairs,
    distanceEdges: result.distanceEdgesM.map(edgeOrNull),
    timeEdges: result.timeEdgesDays.map(edgeOrNull),
    distanceLabels: [...result.distanceLabels],
    timeLabels: [...result.timeLabels],
    metric: result.metric,
    iterations: result.iterationsUsed,
    seed: result.seed,
    ...(earlyStop ? { earlyStop } : {}),
    observed: matrix(result.observed),
    expectedMean: matrix(result.expectedMean),
    expectedMedian: matrix(result.expectedMedian),
    knoxRatio,
    knoxRatioMedian: nullable(result.knoxRatioMedian),
    pValue,
    qValue,
    significant,
    reading: KNOX_READING,
    notes: earlyStop ? [...notes, earlyStopNote(earlyStop, result.iterationsUsed)] : [...notes],
  };
}

/** The caveat an allowed early stop puts on the output, stopped or not. */
function earlyStopNote(stop: EarlyStopReport, used: number): string {
  const rule = `p-values are sequential (Besag & Clifford 1991): ${stop.exceedances} ÷ the permutations a cell needed to reach ${stop.exceedances} at least as large as observed, or (1 + that count) ÷ (permutations + 1) for a cell that did not reach it`;
  return stop.stopped
    ? `Stopped early after ${used} of ${stop.requestedIterations} permutations, as allowed: every cell had ${stop.exceedances} permutations at least as large as observed, so more permutations could not change any p-value; ${rule}.`
    : `Early stop allowed but not reached: all ${used} permutations run; ${rule}.`;
}

function edgeOrNull(edge: number): number | null {
  return edge === Infinity ? null : edge;
}

function toRows<T>(values: Float64Array, rows: number, columns: number, map: (v: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < columns; c++) row.push(map(values[r * columns + c]));
    out.push(row);
  }
  return out;
}
