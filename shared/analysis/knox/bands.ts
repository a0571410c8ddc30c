/**
 * Distance and time bands of the Knox table (DESIGN.md §4, "Near repeat").
 *
 * Bands are given by ascending edges e_0 < e_1 < … < e_K; band k is the half-open interval
 * [e_k, e_{k+1}). Only the last edge may be Infinity, making the last band "≥ e_{K−1}". A value
 * exactly on an edge belongs to the upper band (it is the lower, closed end of that band); a value
 * below e_0, or at or beyond a finite last edge, is in no band (−1) and is not counted.
 *
 * Distances are metres in the projected CRS; time distances are whole days |day_i − day_j|, so
 * finite time edges must be whole numbers of days.
 */

export type DistanceMetric = 'euclidean' | 'manhattan';

/** Checks edges up front: at least two, finite and ≥ 0 except a last Infinity, strictly increasing. */
export function checkEdges(name: string, edges: readonly number[], wholeNumbers = false): void {
  if (!Array.isArray(edges) || edges.length < 2) {
    throw new RangeError(`${name} needs at least two edges (one band), got ${JSON.stringify(edges)}`);
  }
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k];
    const isLast = k === edges.length - 1;
    if (typeof e !== 'number' || Number.isNaN(e))
      throw new RangeError(`${name}[${k}] must be a number, got ${e}`);
    if (e === Infinity && !isLast)
      throw new RangeError(`${name}: only the last edge may be Infinity (edge ${k})`);
    if (e !== Infinity && !(Number.isFinite(e) && e >= 0)) {
      throw new RangeError(`${name}[${k}] must be >= 0, got ${e}`);
    }
    if (wholeNumbers && Number.isFinite(e) && !Number.isInteger(e)) {
      throw new RangeError(`${name}[${k}] must be a whole number of days, got ${e}`);
    }
    if (k > 0 && !(e > edges[k - 1])) {
      throw new RangeError(`${name} must be strictly increasing, got ${edges[k - 1]} then ${e}`);
    }
  }
}

/** Index of the band holding `value`, or −1 when it is below the first edge or at/after a finite last edge. */
export function bandOf(value: number, edges: readonly number[]): number {
  if (!(value >= edges[0])) return -1;
  for (let k = 1; k < edges.length; k++) if (value < edges[k]) return k - 1;
  return -1;
}

/** The largest finite edge (Infinity excluded): how far apart close pairs must be enumerated. */
export function largestFiniteEdge(edges: readonly number[]): number {
  const last = edges[edges.length - 1];
  return last === Infinity ? edges[edges.length - 2] : last;
}

/** Whether the last band is open-ended (edge Infinity). */
export function hasOpenLastBand(edges: readonly number[]): boolean {
  return edges[edges.length - 1] === Infinity;
}

/**
 * A correct interval label: "[0, 100) m", "[7, 14) days", "≥ 300 m". `unit` is written after the
 * numbers ("m", "days").
 */
export function intervalLabel(low: number, high: number, unit: string): string {
  if (high === Infinity) return `≥ ${formatEdge(low)} ${unit}`;
  return `[${formatEdge(low)}, ${formatEdge(high)}) ${unit}`;
}

/** Labels of every band of an edge list. */
export function bandLabels(edges: readonly number[], unit: string): string[] {
  const labels: string[] = [];
  for (let k = 0; k + 1 < edges.length; k++) labels.push(intervalLabel(edges[k], edges[k + 1], unit));
  return labels;
}

function formatEdge(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}
