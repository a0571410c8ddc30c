/**
 * Emerging hot spots (issue 13 item 3; DESIGN.md §4): Gi* per time slice, a Mann–Kendall trend of
 * each cell's Gi* z series, and the pattern classes of classify.ts, with the working kept:
 *
 *   1. slices      n consecutive slices ending at endMs (time-slices.ts); an event counts in the
 *                  slice holding its reference time; events in no slice or outside the extent are
 *                  counted, not used
 *   2. Gi* per slice   counts per cell (count-grid.ts) and Gi* with binary weights within distanceM
 *                  over all cells of the extent (gistar.ts); BH within each slice; a slice is a
 *                  significant hot (cold) spot for a cell when z > 0 (< 0) and q ≤ alpha
 *                  (default 0.05). A slice where every cell holds the same count has no z: it
 *                  counts as neither hot nor cold and as z = 0 in the trend
 *   3. trend       Mann–Kendall on the cell's z series, significant at trendAlpha (default 0.05)
 *   4. classes     only cells with at least one event in some slice (ArcGIS's "locations with data")
 *   5. rise        for cells hot in the last slice, is the last slice's count above the earlier
 *                  slices' rate? Exact conditional Poisson test (compare/poisson-rate-test.ts), the
 *                  exposures the slices' lengths in days, BH across those cells; a significant rise
 *                  (q ≤ alpha) marks a hot spot that emerged or surged in the last slice even where
 *                  the place was already a weaker hot spot before (so not "new" by the classes)
 * Month-only records cannot be placed in slices shorter than a month: the run refuses day slices
 * when the caller says the records include month-only dates.
 * Cost: n Gi* runs, O(n · cells · (2R + 1)), plus O(cells · n²) for the trends.
 */
import type { ProgressFn } from '../../jobs/progress.js';
import { benjaminiHochberg } from '../compare/fdr.js';
import type { TimeSpan } from '../compare/periods.js';
import { poissonRateTest } from '../compare/poisson-rate-test.js';
import { countGrid } from '../gistar/count-grid.js';
import { giStar } from '../gistar/gistar.js';
import type { Extent } from '../kde/extent.js';
import { classifyCell } from './classify.js';
import { mannKendall } from './mann-kendall.js';
import { type SliceLength, sliceIndex, timeSlices } from './time-slices.js';

export interface EmergingInput {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Reference time of each event (window midpoint), wall-clock ms. */
  timeMs: ArrayLike<number>;
}

export interface EmergingOptions {
  extent: Extent;
  cellSizeM: number;
  distanceM: number;
  endMs: number;
  slice: SliceLength;
  slices: number;
  alpha?: number;
  trendAlpha?: number;
  /** True when some records are dated to the month only. */
  monthOnlyRecords?: boolean;
}

export interface EmergingResult {
  slice: SliceLength;
  slices: TimeSpan[];
  width: number;
  height: number;
  originX: number;
  originY: number;
  cellSizeM: number;
  /** Gi* z of each slice, slice-major: z[s][cell]. */
  z: Float64Array[];
  /** +1 hot, −1 cold, 0 neither, slice-major. */
  state: Int8Array[];
  /** Events per cell of each slice, slice-major. */
  counts: Float64Array[];
  /** BH q of the last slice's rise over the earlier slices (NaN where not tested). */
  riseQ: Float64Array;
  /** 1 where the last slice's count rose significantly (q ≤ alpha) in a cell hot in the last slice. */
  rise: Uint8Array;
  /** Events per slice in the grid. */
  eventsPerSlice: number[];
  trendZ: Float64Array;
  trendP: Float64Array;
  /** classify.ts pattern code per cell (0 none or no data). */
  pattern: Int8Array;
  /** Cells with at least one event in some slice. */
  cellsWithData: number;
  outsideExtent: number;
  outsideSlices: number;
  alpha: number;
  trendAlpha: number;
}

export function emergingHotspots(
  input: EmergingInput,
  options: EmergingOptions,
  progress?: ProgressFn,
): EmergingResult {
  const steps = emergingHotspotSteps(input, options, progress);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `emergingHotspots` one slice at a time: it pauses after each slice's Gi*, so a caller running on
 * an event loop can let a cancel in between slices (the engine's emerging-service does).
 */
export function* emergingHotspotSteps(
  input: EmergingInput,
  options: EmergingOptions,
  progress?: ProgressFn,
): Generator<void, EmergingResult> {
  const alpha = options.alpha ?? 0.05;
  const trendAlpha = options.trendAlpha ?? 0.05;
  if (options.monthOnlyRecords && options.slice.unit === 'days') {
    throw new RangeError(
      'Some records are dated to the month only, so slices of days or weeks would place them on invented days: use slices of whole months',
    );
  }
  const slices = timeSlices(options.endMs, options.slice, options.slices);
  const which = sliceIndex(input.timeMs, slices);
  const n = slices.length;
  const z: Float64Array[] = [];
  const state: Int8Array[] = [];
  const counts: Float64Array[] = [];
  const eventsPerSlice: number[] = [];
  let outsideExtent = 0;
  let outsideSlices = 0;
  for (let i = 0; i < which.length; i++) if (which[i] === -1) outsideSlices++;
  let seen: Uint8Array | null = null;
  let geometry = { width: 0, height: 0, originX: 0, originY: 0, cellSizeM: options.cellSizeM };
  for (let s = 0; s < n; s++) {
    const pick: number[] = [];
    for (let i = 0; i < which.length; i++) if (which[i] === s) pick.push(i);
    const sliceCounts = countGrid(
      { x: pick.map((i) => input.x[i]!), y: pick.map((i) => input.y[i]!) },
      options.extent,
      options.cellSizeM,
    );
    outsideExtent += sliceCounts.outside;
    eventsPerSlice.push(sliceCounts.used);
    const g = sliceCounts.grid;
    counts.push(g.values);
    geometry = {
      width: g.width,
      height: g.height,
      originX: g.originX,
      originY: g.originY,
      cellSizeM: g.cellSizeM,
    };
    seen ??= new Uint8Array(g.values.length);
    for (let c = 0; c < g.values.length; c++) if (g.values[c]! > 0) seen[c] = 1;
    const gi = giStar(g, { distanceM: options.distanceM });
    const st = new Int8Array(g.values.length);
    for (let c = 0; c < st.length; c++) {
      const zc = gi.z[c]!;
      if (gi.q[c]! <= alpha) st[c] = zc > 0 ? 1 : zc < 0 ? -1 : 0;
    }
    z.push(gi.z);
    state.push(st);
    progress?.(s + 1, n + 1, `Gi* of slice ${s + 1} of ${n}`);
    yield;
  }
  const cells = geometry.width * geometry.height;
  const trendZ = new Float64Array(cells).fill(Number.NaN);
  const trendP = new Float64Array(cells).fill(Number.NaN);
  const pattern = new Int8Array(cells);
  const series = new Float64Array(n);
  const cellState = new Int8Array(n);
  let cellsWithData = 0;
  for (let c = 0; c < cells; c++) {
    if (seen?.[c] !== 1) continue;
    cellsWithData++;
    for (let s = 0; s < n; s++) {
      const v = z[s]![c]!;
      series[s] = Number.isNaN(v) ? 0 : v;
      cellState[s] = state[s]![c]!;
    }
    const trend = mannKendall(series);
    trendZ[c] = trend.z;
    trendP[c] = trend.p;
    pattern[c] = classifyCell({ state: cellState, trendZ: trend.z, trendP: trend.p }, trendAlpha);
  }
  const { riseQ, rise } = lastSliceRise(counts, state[n - 1]!, slices, alpha);
  progress?.(n + 1, n + 1);
  return {
    slice: options.slice,
    slices,
    ...geometry,
    z,
    state,
    counts,
    riseQ,
    rise,
    eventsPerSlice,
    trendZ,
    trendP,
    pattern,
    cellsWithData,
    outsideExtent,
    outsideSlices,
    alpha,
    trendAlpha,
  };
}

function lastSliceRise(
  counts: Float64Array[],
  lastState: Int8Array,
  slices: TimeSpan[],
  alpha: number,
): { riseQ: Float64Array; rise: Uint8Array } {
  const n = slices.length;
  const days = (s: TimeSpan) => (s.toMs - s.fromMs) / 86_400_000;
  const lastDays = days(slices[n - 1]!);
  let earlierDays = 0;
  for (let s = 0; s < n - 1; s++) earlierDays += days(slices[s]!);
  const cells = lastState.length;
  const p = new Float64Array(cells).fill(Number.NaN);
  const up = new Uint8Array(cells);
  for (let c = 0; c < cells; c++) {
    if (lastState[c] !== 1) continue;
    let earlier = 0;
    for (let s = 0; s < n - 1; s++) earlier += counts[s]![c]!;
    const last = counts[n - 1]![c]!;
    const test = poissonRateTest(Math.round(last), Math.round(earlier), lastDays, earlierDays);
    p[c] = test.pValue;
    up[c] = test.verdict === 'significant increase' ? 1 : 0;
  }
  const riseQ = benjaminiHochberg(p);
  const rise = new Uint8Array(cells);
  for (let c = 0; c < cells; c++) if (up[c] === 1 && riseQ[c]! <= alpha) rise[c] = 1;
  return { riseQ, rise };
}

export interface SliceLengthCheck {
  /** Cells with data in both runs whose pattern differs between the two slice lengths. */
  changed: Int32Array;
  /** Cells with a pattern (hot or cold) in either run. */
  patterned: number;
}

/**
 * The check across two slice lengths: the same events, extent and grid analysed with two slice
 * lengths; a cell whose class changes with the slice length is flagged, since its class says as
 * much about the slicing as about the place.
 */
export function compareSliceLengths(a: EmergingResult, b: EmergingResult): SliceLengthCheck {
  if (a.pattern.length !== b.pattern.length) throw new RangeError('the two runs must use the same grid');
  const changed: number[] = [];
  let patterned = 0;
  for (let c = 0; c < a.pattern.length; c++) {
    if (a.pattern[c] === 0 && b.pattern[c] === 0) continue;
    patterned++;
    if (a.pattern[c] !== b.pattern[c]) changed.push(c);
  }
  return { changed: Int32Array.from(changed), patterned };
}
