/**
 * Kernel density estimation (DESIGN.md §4, "Kernel density"): the density surface of events, in
 * events per km², at the centre of every cell of a grid laid from the lower-left of the extent with
 * rows north to south:
 *
 *   f(cell) = 1e6 · Σᵢ wᵢ · K(‖centre − pᵢ‖; h)     (K per m², kernels.ts; wᵢ = 1 without weights)
 *
 * Steps: planKde (plan.ts: guard rails, defaults, extent, grid) → splatEvents (splat.ts: exact
 * per-event kernels, parallelisable over disjoint bands of grid rows, row-bands.ts) → finishKde
 * (scale raw sums to events per km², set cells outside the boundary to NaN). `kernelDensity` runs
 * the three in one thread; the engine's `kde` job spreads the middle step over the worker pool. Cost O(n · (R/c)²) for n events, support radius R and cell size c.
 */
import type { ProgressFn } from '../../jobs/progress.js';
import type { Grid } from '../../model/grid.js';
import {
  type KdeEventCounts,
  type KdeOptions,
  type KdeParamsUsed,
  type KdePlan,
  type KdePoints,
  planKde,
} from './plan.js';
import { scaleToDensity, splatEvents } from './splat.js';

export const KDE_UNIT = 'events per km²';

export interface KdeSurface {
  /** Density in events per km² at each cell centre; NaN outside the boundary when clipped. */
  grid: Grid;
  unit: typeof KDE_UNIT;
  params: KdeParamsUsed;
  counts: KdeEventCounts;
  /** Cells inside the boundary (all cells without clipping). */
  cellsInStudyArea: number;
  /** A: the study area in m² (plan.ts). */
  studyAreaM2: number;
  /** use[i] = 1 for the events inside the study area; absent when all are. */
  use?: Uint8Array;
}

/** Turns summed raw kernel sums (length width × height) into the finished surface, in place. */
export function finishKde(raw: Float64Array, plan: KdePlan): KdeSurface {
  const { params, spec, clipMask, counts, studyAreaM2, use } = plan;
  scaleToDensity(raw, params.kernel, params.bandwidthM);
  let cellsInStudyArea = raw.length;
  if (clipMask) {
    cellsInStudyArea = 0;
    for (let i = 0; i < raw.length; i++) {
      if (clipMask[i] === 1) cellsInStudyArea++;
      else raw[i] = Number.NaN;
    }
  }
  const surface: KdeSurface = {
    grid: { ...spec, values: raw },
    unit: KDE_UNIT,
    params,
    counts,
    cellsInStudyArea,
    studyAreaM2,
  };
  if (use) surface.use = use;
  return surface;
}

/** Plans, splats and finishes a density surface in the calling thread. */
export function kernelDensity(
  points: KdePoints,
  options: KdeOptions = {},
  progress?: ProgressFn,
): KdeSurface {
  const plan = planKde(points, options);
  const raw = new Float64Array(plan.spec.width * plan.spec.height);
  splatEvents(
    raw,
    plan.spec,
    plan.use ? { ...points, use: plan.use } : points,
    plan.params.kernel,
    plan.params.bandwidthM,
    progress ? { progress } : {},
  );
  return finishKde(raw, plan);
}
