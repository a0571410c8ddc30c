/**
 * Events in grid-row order, for cache-friendly and band-split splatting (DESIGN.md §4, "Kernel density").
 *
 * The density sum does not depend on the order of events, but speed does: consecutive events in the
 * same few rows touch the same (2R/c + 1) grid rows, which then stay in cache, and a contiguous range
 * of row-ordered events touches only a band of rows, so each worker needs only that band of the grid.
 * A counting sort on the row of each event (clamped to the grid) is O(n + height) and stable. Events
 * with use[i] = 0 are dropped, so the result holds exactly the contributing events.
 */
import type { GridSpec } from './extent.js';

export interface RowOrderedEvents {
  x: Float64Array;
  y: Float64Array;
  weight?: Float64Array;
  /** Grid row of each event (clamped to [0, height)), ascending. */
  row: Int32Array;
}

/** Grid row whose band of y contains `y`, clamped to the grid (row 0 is north). */
export function rowOfY(spec: GridSpec, y: number): number {
  const row = spec.height - 1 - Math.floor((y - spec.originY) / spec.cellSizeM);
  return row < 0 ? 0 : row >= spec.height ? spec.height - 1 : row;
}

export function orderEventsByRow(
  spec: GridSpec,
  events: { x: Float64Array; y: Float64Array; weight?: Float64Array },
  use?: Uint8Array,
): RowOrderedEvents {
  const { x, y, weight } = events;
  const rowOf = new Int32Array(x.length);
  const startOfRow = new Int32Array(spec.height + 1);
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    if (use && use[i] === 0) continue;
    const row = rowOfY(spec, y[i]);
    rowOf[i] = row;
    startOfRow[row + 1]++;
    n++;
  }
  for (let r = 0; r < spec.height; r++) startOfRow[r + 1] += startOfRow[r];
  const out: RowOrderedEvents = { x: new Float64Array(n), y: new Float64Array(n), row: new Int32Array(n) };
  if (weight) out.weight = new Float64Array(n);
  for (let i = 0; i < x.length; i++) {
    if (use && use[i] === 0) continue;
    const k = startOfRow[rowOf[i]]++;
    out.x[k] = x[i];
    out.y[k] = y[i];
    out.row[k] = rowOf[i];
    if (weight) out.weight![k] = weight[i];
  }
  return out;
}

/**
 * The grid rows that events [start, end) of a row-ordered list can touch with support radius
 * `supportM`: [first, last], clamped to the grid.
 */
export function rowBand(
  spec: GridSpec,
  ordered: RowOrderedEvents,
  supportM: number,
  start: number,
  end: number,
): { first: number; last: number } {
  const reach = Math.ceil(supportM / spec.cellSizeM) + 2;
  if (end <= start) return { first: 0, last: -1 };
  return {
    first: Math.max(0, ordered.row[start] - reach),
    last: Math.min(spec.height - 1, ordered.row[end - 1] + reach),
  };
}
