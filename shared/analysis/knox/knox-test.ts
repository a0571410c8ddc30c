/**
 * The Knox test for near repeats (DESIGN.md §4, "Near repeat"), single-threaded.
 *
 * Events (x, y metres in a projected CRS; whole day numbers). For each unordered pair i < j the
 * distance (Euclidean or Manhattan) and the time distance |day_i − day_j| fall in at most one
 * distance band and one time band (half-open [e_k, e_{k+1}), Infinity allowed last, bands.ts); the
 * observed table counts pairs per (distance band, time band). The null distribution shuffles days
 * among events, locations fixed (permute-days.ts), for `iterations` Monte Carlo tables, from which
 * knox-statistics.ts derives expectations, Knox ratios and p-values.
 *
 * Method: build the permutation-invariant plan once (close pairs within the largest finite distance
 * edge from a grid hash, knox-plan.ts), then each table is one pass over the close pairs
 * (count-table.ts). Cost O(n log n + iterations · (n + close pairs)).
 *
 * The same plan and `simulateKnoxTables` chunks are what the engine spreads over its worker pool
 * (electron/engine/analysis/knox-job.ts); `assembleKnoxResult` joins them identically.
 *
 * Reference: E. G. Knox, "The detection of space-time interactions", Applied Statistics 13, 1964;
 * J. H. Ratcliffe, Near Repeat Calculator (2009); Johnson et al., "Space-time patterns of risk",
 * J. Quantitative Criminology 23, 2007.
 */
import type { ProgressFn } from '../../jobs/progress.js';
import { noProgress } from '../../jobs/progress.js';
import type { EventColumns } from '../../model/records.js';
import { assertProjectedCoordinates } from './assert-projected.js';
import { bandLabels, checkEdges, type DistanceMetric } from './bands.js';
import { countKnoxTable, createScratch } from './count-table.js';
import { buildKnoxPlan, type KnoxPlan } from './knox-plan.js';
import { type KnoxStatistics, knoxStatistics } from './knox-statistics.js';
import { sequentialPValues, sequentialStop } from './sequential-stop.js';
import { simulateKnoxTables } from './simulate.js';

export const DEFAULT_KNOX_ITERATIONS = 999;
const MAX_ITERATIONS = 1_000_000;
const TWO_POW_32 = 4294967296;

export interface KnoxOptions {
  /** Distance band edges in metres, ascending; the last may be Infinity. */
  distanceEdgesM: readonly number[];
  /** Time band edges in whole days, ascending; the last may be Infinity. */
  timeEdgesDays: readonly number[];
  /** Default 'euclidean'. */
  metric?: DistanceMetric;
  /** Monte Carlo permutations; default 999. */
  iterations?: number;
  /** Seed 0 … 2^32 − 1; when missing one is drawn and reported, so the run can be repeated. */
  seed?: number;
  /** Row labels to show instead of the plain intervals (e.g. the NRC preset's "same location"). */
  distanceLabels?: readonly string[];
  /**
   * Allow a sequential early stop (sequential-stop.ts, Besag & Clifford 1991) once every cell has
   * this many permutations at least as large as observed (h, e.g. 10); absent or null = off.
   */
  earlyStopExceedances?: number | null;
}

/** The options with defaults applied and checked. */
export interface KnoxSettings {
  distanceEdgesM: number[];
  timeEdgesDays: number[];
  metric: DistanceMetric;
  iterations: number;
  seed: number;
  distanceLabels: string[];
  timeLabels: string[];
  earlyStopExceedances: number | null;
}

export interface KnoxResult extends KnoxSettings, KnoxStatistics {
  events: number;
  /** Pairs closer than the largest finite distance edge (enumerated once). */
  closePairs: number;
  /** Rows = distance bands, columns = time bands; flat row-major tables below. */
  rows: number;
  columns: number;
  observed: Float64Array;
  /** Permutations the statistics use: `iterations`, or fewer when the run stopped early. */
  iterationsUsed: number;
}

export function resolveKnoxOptions(options: KnoxOptions): KnoxSettings {
  const distanceEdgesM = [...options.distanceEdgesM];
  const timeEdgesDays = [...options.timeEdgesDays];
  checkEdges('distanceEdgesM', distanceEdgesM);
  checkEdges('timeEdgesDays', timeEdgesDays, true);
  const metric = options.metric ?? 'euclidean';
  if (metric !== 'euclidean' && metric !== 'manhattan') {
    throw new RangeError(`metric must be 'euclidean' or 'manhattan', got ${String(metric)}`);
  }
  const iterations = options.iterations ?? DEFAULT_KNOX_ITERATIONS;
  if (!(Number.isInteger(iterations) && iterations >= 1 && iterations <= MAX_ITERATIONS)) {
    throw new RangeError(`iterations must be a whole number from 1 to ${MAX_ITERATIONS}, got ${iterations}`);
  }
  const seed = options.seed ?? Math.floor(Math.random() * TWO_POW_32);
  if (!(Number.isInteger(seed) && seed >= 0 && seed < TWO_POW_32)) {
    throw new RangeError(`seed must be a whole number from 0 to ${TWO_POW_32 - 1}, got ${seed}`);
  }
  const earlyStopExceedances = options.earlyStopExceedances ?? null;
  if (
    earlyStopExceedances !== null &&
    !(
      Number.isInteger(earlyStopExceedances) &&
      earlyStopExceedances >= 1 &&
      earlyStopExceedances <= iterations
    )
  ) {
    throw new RangeError(
      `the early stop needs a whole number of exceedances from 1 to the iterations (${iterations}), got ${earlyStopExceedances}`,
    );
  }
  const distanceLabels = options.distanceLabels
    ? [...options.distanceLabels]
    : bandLabels(distanceEdgesM, 'm');
  if (distanceLabels.length !== distanceEdgesM.length - 1) {
    throw new RangeError(
      `distanceLabels needs ${distanceEdgesM.length - 1} labels, got ${distanceLabels.length}`,
    );
  }
  return {
    distanceEdgesM,
    timeEdgesDays,
    metric,
    iterations,
    seed,
    distanceLabels,
    timeLabels: bandLabels(timeEdgesDays, 'days'),
    earlyStopExceedances,
  };
}

/** Checks the events and builds the permutation-invariant plan. */
export function planKnox(events: EventColumns, settings: KnoxSettings): KnoxPlan {
  assertProjectedCoordinates(events.x, events.y);
  return buildKnoxPlan({
    x: events.x,
    y: events.y,
    day: events.day,
    distanceEdgesM: settings.distanceEdgesM,
    timeEdgesDays: settings.timeEdgesDays,
    metric: settings.metric,
  });
}

/** The observed table of a plan. */
export function observedKnoxTable(plan: KnoxPlan, day: Int32Array): Float64Array {
  const observed = new Float64Array(plan.distanceBands * plan.timeBands);
  countKnoxTable(plan, day, createScratch(plan), observed);
  return observed;
}

/**
 * Joins the observed table and the simulated tables (all `settings.iterations`, or with an early
 * stop allowed at least up to its stopping point) into a result.
 */
export function assembleKnoxResult(
  settings: KnoxSettings,
  plan: KnoxPlan,
  observed: Float64Array,
  simulated: Float64Array,
): KnoxResult {
  const cells = observed.length;
  const h = settings.earlyStopExceedances;
  const stop = h === null ? null : sequentialStop(observed, simulated, simulated.length / cells, h);
  const used = stop ? stop.iterations : settings.iterations;
  const statistics = knoxStatistics(observed, simulated.subarray(0, used * cells), used);
  if (stop && h !== null) statistics.pValue = sequentialPValues(stop, h, statistics.pValue);
  return {
    ...settings,
    ...statistics,
    iterationsUsed: used,
    events: plan.eventCount,
    closePairs: plan.pairs.length,
    rows: plan.distanceBands,
    columns: plan.timeBands,
    observed,
  };
}

/** Runs the whole test in the calling thread; progress counts iterations. */
export function knoxTest(
  events: EventColumns,
  options: KnoxOptions,
  progress: ProgressFn = noProgress,
): KnoxResult {
  const settings = resolveKnoxOptions(options);
  return knoxTestOfPlan(settings, planKnox(events, settings), events.day, progress);
}

/** The rest of knoxTest once the plan is built (by a caller that first looked at its size). */
export function knoxTestOfPlan(
  settings: KnoxSettings,
  plan: KnoxPlan,
  day: Int32Array,
  progress: ProgressFn = noProgress,
): KnoxResult {
  const observed = observedKnoxTable(plan, day);
  const simulated = simulateUntilSettled(plan, day, settings, observed, progress);
  return assembleKnoxResult(settings, plan, observed, simulated);
}

/** Iterations simulated one round at a time when an early stop is allowed (else all at once). */
const ROUND = 64;

function simulateUntilSettled(
  plan: KnoxPlan,
  day: Int32Array,
  settings: KnoxSettings,
  observed: Float64Array,
  progress: ProgressFn,
): Float64Array {
  const { seed, iterations, earlyStopExceedances: h } = settings;
  if (h === null) return simulateKnoxTables(plan, day, seed, 0, iterations, progress);
  const cells = observed.length;
  const tables = new Float64Array(iterations * cells);
  for (let from = 0; from < iterations; from += ROUND) {
    const to = Math.min(iterations, from + ROUND);
    tables.set(simulateKnoxTables(plan, day, seed, from, to), from * cells);
    progress(to, iterations);
    if (sequentialStop(observed, tables, to, h).settled) return tables.subarray(0, to * cells);
  }
  return tables;
}
