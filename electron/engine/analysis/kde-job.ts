/**
 * Worker side of the kernel density job kinds (DESIGN.md §3 "Analysis runs in worker threads",
 * §4 "Kernel density", "Hotspot classes"):
 *
 *   kdePlan      events + options → the plan (guard rails, defaults, grid; shared/analysis/kde/plan.ts)
 *                and the contributing events in grid-row order (row-order.ts). O(n).
 *   kdeSplat     row-ordered events [start, end) → the raw kernel sums of the band of rows they touch
 *                (splat.ts). The orchestrator (kde-parallel.ts) splits the events into one contiguous
 *                range per thread and adds the bands; the sum does not depend on the split.
 *   kdeHotspots  finished surface + events → class thresholds, contours and hotspot statistics
 *                (shared/analysis/hotspots/hotspots.ts).
 *
 * Row-ordered events travel in SharedArrayBuffers, so every splatting thread reads one copy.
 * Guard-rail RangeErrors leave the worker as ApiError('refused') with their message.
 */
import {
  findHotspots,
  type HotspotEvents,
  type HotspotOptions,
  type HotspotResult,
} from '../../../shared/analysis/hotspots/hotspots.js';
import type { GridSpec } from '../../../shared/analysis/kde/extent.js';
import type { KernelName } from '../../../shared/analysis/kde/kernels.js';
import { type KdeOptions, type KdePlan, planKde } from '../../../shared/analysis/kde/plan.js';
import { orderEventsByRow, type RowOrderedEvents } from '../../../shared/analysis/kde/row-order.js';
import { splatEvents } from '../../../shared/analysis/kde/splat.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import type { Grid } from '../../../shared/model/grid.js';

export interface KdePlanParams {
  x: Float64Array;
  y: Float64Array;
  weight?: Float64Array;
  options: KdeOptions;
}

export interface KdePlanResult {
  plan: KdePlan;
  ordered: RowOrderedEvents;
}

export interface KdeSplatParams {
  spec: GridSpec;
  kernel: KernelName;
  bandwidthM: number;
  /** Row-ordered events (usually on SharedArrayBuffers). */
  x: Float64Array;
  y: Float64Array;
  weight?: Float64Array;
  start: number;
  end: number;
  /** The band of grid rows [rowStart, rowStart + rowCount) this range can touch. */
  rowStart: number;
  rowCount: number;
}

export interface KdeSplatResult {
  /** Raw kernel sums of rows [rowStart, rowStart + rowCount), row-major. */
  raw: Float64Array;
}

export interface KdeHotspotsParams {
  grid: Grid;
  events: HotspotEvents;
  options: HotspotOptions;
}

export function kdePlan(params: KdePlanParams, progress: ProgressFn): KdePlanResult {
  progress(0, 2, 'Checking events and laying the grid');
  const points = params.weight
    ? { x: params.x, y: params.y, weight: params.weight }
    : { x: params.x, y: params.y };
  const plan = refusing(() => planKde(points, params.options));
  progress(1, 2, 'Ordering events by grid row');
  const ordered = orderEventsByRow(plan.spec, points, plan.use);
  progress(2, 2);
  return { plan, ordered };
}

export function kdeSplat(params: KdeSplatParams, progress: ProgressFn): KdeSplatResult {
  const raw = new Float64Array(params.rowCount * params.spec.width);
  const events = params.weight
    ? { x: params.x, y: params.y, weight: params.weight }
    : { x: params.x, y: params.y };
  splatEvents(raw, params.spec, events, params.kernel, params.bandwidthM, {
    start: params.start,
    end: params.end,
    rowStart: params.rowStart,
    progress,
  });
  return { raw };
}

export function kdeHotspots(params: KdeHotspotsParams, progress: ProgressFn): HotspotResult {
  progress(0, 1, 'Drawing hotspot contours');
  const result = refusing(() => findHotspots(params.grid, params.events, params.options));
  progress(1, 1);
  return result;
}

/** Guard rails throw RangeError; across the thread boundary they become ApiError('refused'). */
function refusing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('refused', error.message);
    throw error;
  }
}
