/**
 * Worker side of the kernel density job kinds (DESIGN.md §3 "Analysis runs in worker threads",
 * §4 "Kernel density", "Hotspot classes"):
 *
 *   kdeBand      events + options + band k of K → the plan (guard rails, defaults, grid;
 *                shared/analysis/kde/plan.ts) and the raw kernel sums of the k-th of K bands of grid
 *                rows holding near-equal numbers of events (row-bands.ts, splat.ts). Every thread
 *                plans the same request itself (O(n), deterministic, so all agree on the grid and the
 *                bands) instead of waiting for one thread to plan and hand out work: on 2 cores that
 *                serial step and its round trip cost more than planning twice. Only band 0 computes
 *                the bandwidth suggestion and returns the plan.
 *   kdeCsrNull   simulations [from, to) of the Monte Carlo test against complete spatial randomness
 *                (shared/analysis/hotspots/csr-test.ts): the maximum cell density of each.
 *   kdeHotspots  in kde-hotspots-job.ts, so a thread that only splats never loads d3-contour and
 *                simple-statistics (job-handlers.ts imports each kind's module on its first job).
 *
 * The events travel in SharedArrayBuffers, so every thread reads one copy.
 * Guard-rail RangeErrors leave the worker as ApiError('refused') with their message.
 */

import { type CsrNullSetup, simulateCsrMaxima } from '../../../shared/analysis/hotspots/csr-test.js';
import { type KdeOptions, type KdePlan, planKde } from '../../../shared/analysis/kde/plan.js';
import { eventsPerRow, rowBands } from '../../../shared/analysis/kde/row-bands.js';
import { splatEvents } from '../../../shared/analysis/kde/splat.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { ProgressFn } from '../../../shared/jobs/progress.js';

export type { KdeHotspotsParams } from './kde-hotspots-job.js';

export interface KdeBandParams {
  /** The events (usually on SharedArrayBuffers). */
  x: Float64Array;
  y: Float64Array;
  weight?: Float64Array;
  options: KdeOptions;
  /** This job computes band `band` of `bands` (0-based). */
  band: number;
  bands: number;
}

export interface KdeBandResult {
  /** The plan, from band 0 only (the others leave it out rather than send copies). */
  plan?: KdePlan;
  /** Raw kernel sums of grid rows [rowStart, rowStart + raw.length / width), row-major. */
  rowStart: number;
  raw: Float64Array;
}

export interface KdeCsrNullParams {
  setup: CsrNullSetup;
  fromIteration: number;
  toIteration: number;
}

export interface KdeCsrNullResult {
  /** Maximum density (events per km²) of each simulation, in iteration order. */
  maxima: Float64Array;
}

export function kdeCsrNull(params: KdeCsrNullParams, progress: ProgressFn): KdeCsrNullResult {
  const { setup, fromIteration, toIteration } = params;
  return { maxima: refusing(() => simulateCsrMaxima(setup, fromIteration, toIteration, progress)) };
}

export function kdeBand(params: KdeBandParams, progress: ProgressFn): KdeBandResult {
  const { x, y, weight, band } = params;
  const points = weight ? { x, y, weight } : { x, y };
  const plan = refusing(() => planKde(points, params.options, { suggest: band === 0 }));
  const { spec, use } = plan;
  const bands = rowBands(eventsPerRow(spec, y, use), params.bands);
  const [first, end] = bands[band] ?? [spec.height, spec.height];
  const raw = new Float64Array((end - first) * spec.width);
  const events = use ? { ...points, use } : points;
  const { kernel, bandwidthM } = plan.params;
  if (raw.length > 0) splatEvents(raw, spec, events, kernel, bandwidthM, { rowStart: first, progress });
  else progress(x.length, x.length);
  return band === 0 ? { plan, rowStart: first, raw } : { rowStart: first, raw };
}

/** Guard rails throw RangeError; across the thread boundary they become ApiError('refused'). */
export function refusing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('refused', error.message);
    throw error;
  }
}
