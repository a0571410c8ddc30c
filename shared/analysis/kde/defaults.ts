/**
 * Default cell size and bandwidth, and a data-driven bandwidth suggestion (DESIGN.md §4).
 *
 * Defaults (common crime-mapping guidance, as in Chainey's "Hotspot mapping" notes):
 *   cellSizeM  = shorter side of the events' bounding box / 150
 *                (the longer side when the events lie on a line; refused when they are all at one place)
 *   bandwidthM = 5 × cellSizeM
 *
 * Suggestion: the spatial variant of Silverman's rule of thumb that ArcGIS's Kernel Density tool uses
 * as its default search radius ("How Kernel Density works", ArcGIS Pro documentation,
 * https://pro.arcgis.com/en/pro-app/latest/tool-reference/spatial-analyst/how-kernel-density-works.htm):
 *
 *   h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−0.2)
 *
 * with (x̄, ȳ) the (weighted) mean centre, SD the (weighted) standard distance
 * √(Σ wᵢ((xᵢ − x̄)² + (yᵢ − ȳ)²) / Σ wᵢ), Dm the (weighted) median distance to the mean centre, and n the
 * number of events, or the sum of the weights when weights are given (ArcGIS's population field).
 * Cost: O(n) (quickselect for the median; O(n log n) with weights).
 */
import type { Extent } from './extent.js';

export const CELLS_PER_SHORT_SIDE = 150;
export const DEFAULT_BANDWIDTH_CELLS = 5;

/** Shorter side of the bounding box / 150; throws a RangeError when the events are all at one place. */
export function defaultCellSizeM(bbox: Extent): number {
  const w = bbox.maxX - bbox.minX;
  const h = bbox.maxY - bbox.minY;
  const side = Math.min(w, h) > 0 ? Math.min(w, h) : Math.max(w, h);
  if (!(side > 0)) {
    throw new RangeError('cannot choose a default cellSizeM: all events are at one place; give cellSizeM');
  }
  return side / CELLS_PER_SHORT_SIDE;
}

export function defaultBandwidthM(cellSizeM: number): number {
  return DEFAULT_BANDWIDTH_CELLS * cellSizeM;
}

/**
 * ArcGIS's default search radius for the events (indices with `use[i] = 1` when `use` is given).
 * Returns NaN when fewer than two events or all at one place (no meaningful suggestion).
 */
export function suggestBandwidthM(
  x: Float64Array,
  y: Float64Array,
  weight?: Float64Array,
  use?: Uint8Array,
): number {
  let sumW = 0;
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  if (!weight && !use) {
    for (let i = 0; i < x.length; i++) {
      sumX += x[i];
      sumY += y[i];
    }
    sumW = x.length;
    count = x.length;
  } else {
    for (let i = 0; i < x.length; i++) {
      if (use && use[i] === 0) continue;
      const w = weight ? weight[i] : 1;
      sumW += w;
      sumX += w * x[i];
      sumY += w * y[i];
      count++;
    }
  }
  if (count < 2 || !(sumW > 0)) return Number.NaN;
  const meanX = sumX / sumW;
  const meanY = sumY / sumW;

  // Squared distances: the median of the distances is the square root of the median of their squares
  // (the rounded square root is monotone), so only the middle values need a square root.
  // Event index of each distance, needed only for the weighted median.
  const index = weight ? new Uint32Array(count) : null;
  const dist2 = new Float64Array(count);
  let sumSq = 0;
  if (!weight && !use) {
    for (let i = 0; i < x.length; i++) {
      const dx = x[i] - meanX;
      const dy = y[i] - meanY;
      const d2 = dx * dx + dy * dy;
      sumSq += d2;
      dist2[i] = d2;
    }
  } else {
    for (let i = 0, k = 0; i < x.length; i++) {
      if (use && use[i] === 0) continue;
      const dx = x[i] - meanX;
      const dy = y[i] - meanY;
      const d2 = dx * dx + dy * dy;
      sumSq += (weight ? weight[i] : 1) * d2;
      dist2[k] = d2;
      if (index) index[k] = i;
      k++;
    }
  }
  const standardDistance = Math.sqrt(sumSq / sumW);
  const medianDistance =
    weight && index ? Math.sqrt(weightedMedian(dist2, index, weight, sumW)) : medianOfRoots(dist2);
  const n = weight ? sumW : count;
  const h = 0.9 * Math.min(standardDistance, Math.sqrt(1 / Math.LN2) * medianDistance) * n ** -0.2;
  return h > 0 ? h : Number.NaN;
}

/**
 * Median of the square roots of the values (reorders them in place); the mean of the middle two
 * for an even count.
 */
function medianOfRoots(values: Float64Array): number {
  const n = values.length;
  const mid = n >> 1;
  const upper = Math.sqrt(select(values, mid));
  if (n % 2 === 1) return upper;
  // After selecting, everything left of `mid` is ≤ the upper middle; the lower middle is their maximum.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < mid; i++) if (values[i] > lower) lower = values[i];
  return (Math.sqrt(lower) + upper) / 2;
}

/** The k-th smallest value (0-based), by Hoare's quickselect with a median-of-three pivot: O(n) expected. */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    const a = values[left];
    const b = values[mid];
    const c = values[right];
    // Median of three: max(min(a, b), min(max(a, b), c)).
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

/** The smallest value whose cumulative weight reaches half the total. */
function weightedMedian(
  values: Float64Array,
  index: Uint32Array,
  weight: Float64Array,
  sumW: number,
): number {
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  let cumulative = 0;
  for (const k of order) {
    cumulative += weight[index[k]];
    if (cumulative >= sumW / 2) return values[k];
  }
  return values[order[order.length - 1]];
}
