/**
 * The Knox result as one plain, JSON-safe object (DESIGN.md §4, "Near repeat"; issue 5's `--json`
 * shape): matrices as arrays of rows (rows = distance bands, columns = time bands), infinite edges
 * written as null, and ratios without a defined value (zero expectation) as null. This is what the
 * Api returns and what the CLI prints, so every transport carries the same numbers.
 */
import type { DistanceMetric } from './bands.js';
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
  iterations: number;
  seed: number;
  observed: Matrix;
  expectedMean: Matrix;
  expectedMedian: Matrix;
  knoxRatio: NullableMatrix;
  knoxRatioMedian: NullableMatrix;
  pValue: Matrix;
  /** Caveats and choices the output must state (time-window midpoints, month-precision override). */
  notes: string[];
}

export function knoxReport(result: KnoxResult, notes: readonly string[] = []): KnoxReport {
  const { rows, columns } = result;
  const matrix = (values: Float64Array): Matrix => toRows(values, rows, columns, (v) => v);
  const nullable = (values: Float64Array): NullableMatrix =>
    toRows(values, rows, columns, (v) => (Number.isFinite(v) ? v : null));
  return {
    events: result.events,
    closePairs: result.closePairs,
    distanceEdges: result.distanceEdgesM.map(edgeOrNull),
    timeEdges: result.timeEdgesDays.map(edgeOrNull),
    distanceLabels: [...result.distanceLabels],
    timeLabels: [...result.timeLabels],
    metric: result.metric,
    iterations: result.iterations,
    seed: result.seed,
    observed: matrix(result.observed),
    expectedMean: matrix(result.expectedMean),
    expectedMedian: matrix(result.expectedMedian),
    knoxRatio: nullable(result.knoxRatio),
    knoxRatioMedian: nullable(result.knoxRatioMedian),
    pValue: matrix(result.pValue),
    notes: [...notes],
  };
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
