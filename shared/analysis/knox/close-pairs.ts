/**
 * Close pairs: every unordered pair of events closer than a radius R, with its distance band
 * (DESIGN.md §4, "Near repeat"). Locations never move under the Knox permutation, so this is done
 * once per run and each Monte Carlo iteration is a pass over these pairs only.
 *
 * Distance: Euclidean d = √(dx² + dy²) or Manhattan d = |dx| + |dy|, metres. A pair is kept when
 * d < R (R = the largest finite distance edge) and stored with bandOf(d, edges), so a pair exactly on
 * an edge lands in the upper band; pairs below the first edge are kept with BELOW_FIRST_EDGE (the
 * open "≥ last edge" row is derived from them, see knox-plan.ts).
 *
 * Index: a uniform grid hash with square cells of side R. Events are sorted by cell key
 * key = cy·cols + cx (cx, cy ≥ 1, with one empty column of padding on each side, so the keys of a
 * cell's neighbours never wrap to the far side of the grid). Both metrics have d ≥ max(|dx|, |dy|),
 * so a partner lies in the same or an adjacent cell; visiting, for each cell, itself and its right
 * neighbour (keys k, k+1: one run of positions) and the three cells above (keys k+cols−1 … k+cols+1:
 * another run) finds every pair exactly once. Cost O(n log n + candidates); memory O(n + pairs).
 *
 * Output is in "cell order": position a is input event order[a]; pairs of position a are
 * partner[rowStart[a] … rowStart[a+1]), each partner position > a. Grouping pairs by their first
 * event and placing neighbours close in memory keeps the simulation's random reads in cache.
 */
import { bandOf, type DistanceMetric, largestFiniteEdge } from './bands.js';
import { cellGrid, cellKeys, MAX_CELL_KEY } from './cell-grid.js';

/** Band code of a pair closer than the first distance edge (counted in no band). */
export const BELOW_FIRST_EDGE = 255;
/** Distance bands must fit in a byte beside BELOW_FIRST_EDGE. */
export const MAX_DISTANCE_BANDS = 254;

export interface ClosePairs {
  /** order[a] = input index of the event at position a (cell order). */
  order: Int32Array;
  /** Pairs of position a are partner[rowStart[a] … rowStart[a+1]); length n + 1. */
  rowStart: Int32Array;
  /** Partner positions (> their row's position). */
  partner: Int32Array;
  /** Distance band of each pair, or BELOW_FIRST_EDGE. */
  band: Uint8Array;
  /** Number of pairs (partner.length). */
  count: number;
}

/**
 * Finds all pairs with d < radiusM (radiusM = largest finite edge of distanceEdgesM) and bands them.
 * Coordinates must be finite (see assert-projected.ts).
 */
export function findClosePairs(
  x: Float64Array,
  y: Float64Array,
  distanceEdgesM: readonly number[],
  metric: DistanceMetric,
): ClosePairs {
  const n = x.length;
  if (distanceEdgesM.length - 1 > MAX_DISTANCE_BANDS) {
    throw new RangeError(`at most ${MAX_DISTANCE_BANDS} distance bands, got ${distanceEdgesM.length - 1}`);
  }
  const radiusM = largestFiniteEdge(distanceEdgesM);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rowStart = new Int32Array(n + 1);
  if (n < 2 || !(radiusM > 0)) {
    return { order, rowStart, partner: new Int32Array(0), band: new Uint8Array(0), count: 0 };
  }

  const grid = cellGrid(x, y, radiusM);
  const { cols, rows } = grid;
  if (cols * rows > MAX_CELL_KEY) {
    throw new RangeError(
      `the events span ${Math.round(grid.maxX - grid.minX)} × ${Math.round(grid.maxY - grid.minY)} m, too wide for ${radiusM} m cells: ` +
        'check for a stray point far from the rest (e.g. at 0,0)',
    );
  }
  const key = cellKeys(grid, x, y, radiusM);
  order.sort((a, b) => key[a] - key[b] || a - b);
  const sk = new Float64Array(n);
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const i = order[a];
    sk[a] = key[i];
    sx[a] = x[i];
    sy[a] = y[i];
  }

  let partner = new Int32Array(Math.max(16, n * 4));
  let band = new Uint8Array(partner.length);
  let count = 0;
  const manhattan = metric === 'manhattan';
  let above = 0; // first position with key ≥ k + cols − 1
  let aboveEnd = 0; // first position with key > k + cols + 1
  let runStart = 0;
  while (runStart < n) {
    const k = sk[runStart];
    let runEnd = runStart + 1;
    while (runEnd < n && sk[runEnd] === k) runEnd++;
    let sameRowEnd = runEnd;
    while (sameRowEnd < n && sk[sameRowEnd] === k + 1) sameRowEnd++;
    while (above < n && sk[above] < k + cols - 1) above++;
    if (aboveEnd < above) aboveEnd = above;
    while (aboveEnd < n && sk[aboveEnd] <= k + cols + 1) aboveEnd++;

    for (let a = runStart; a < runEnd; a++) {
      rowStart[a] = count;
      const xa = sx[a];
      const ya = sy[a];
      // Two runs of candidate positions: (a, sameRowEnd) and [above, aboveEnd).
      for (let pass = 0; pass < 2; pass++) {
        const from = pass === 0 ? a + 1 : above;
        const to = pass === 0 ? sameRowEnd : aboveEnd;
        for (let b = from; b < to; b++) {
          const dx = xa - sx[b];
          const dy = ya - sy[b];
          const d = manhattan ? Math.abs(dx) + Math.abs(dy) : Math.sqrt(dx * dx + dy * dy);
          if (!(d < radiusM)) continue;
          if (count === partner.length) {
            const grownPartner = new Int32Array(partner.length * 2);
            grownPartner.set(partner);
            partner = grownPartner;
            const grownBand = new Uint8Array(band.length * 2);
            grownBand.set(band);
            band = grownBand;
          }
          const k2 = bandOf(d, distanceEdgesM);
          partner[count] = b;
          band[count] = k2 < 0 ? BELOW_FIRST_EDGE : k2;
          count++;
        }
      }
    }
    runStart = runEnd;
  }
  rowStart[n] = count;
  return { order, rowStart, partner: partner.slice(0, count), band: band.slice(0, count), count };
}
