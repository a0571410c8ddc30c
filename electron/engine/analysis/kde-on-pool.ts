/**
 * Kernel density, the test against complete spatial randomness and the hotspots of a set of events,
 * all on the worker pool (DESIGN.md §4 "Kernel density", "Hotspot classes"): the one path that the
 * Api's runKde (kde-service.ts, records from a project) and `hotspot kde` (events from a CSV or a
 * project) both take, so the two cannot drift apart (issue 15 item 2).
 *
 *   runKdeOnPool (row bands) → csrMethod: simulations (runCsrNullOnPool), the closed-form bound
 *   (csr-bound.ts) or none → the kdeHotspots job (contours, classes, hotspot statistics).
 */
import { csrBound, weightSums } from '../../../shared/analysis/hotspots/csr-bound.js';
import {
  type CsrNullSetup,
  csrMethod,
  DEFAULT_CSR_ITERATIONS,
} from '../../../shared/analysis/hotspots/csr-test.js';
import { eventsInside } from '../../../shared/analysis/hotspots/hotspot-events.js';
import type {
  HotspotEvents,
  HotspotOptions,
  HotspotResult,
} from '../../../shared/analysis/hotspots/hotspots.js';
import { asMultiPolygon } from '../../../shared/analysis/hotspots/polygon.js';
import { boundaryMask } from '../../../shared/analysis/kde/clip.js';
import type { KdeSurface } from '../../../shared/analysis/kde/kde.js';
import type { KdeOptions } from '../../../shared/analysis/kde/plan.js';
import { noProgress, type ProgressFn } from '../../../shared/jobs/progress.js';
import type { WorkerPool } from '../jobs/worker-pool.js';
import { runCsrNullOnPool, runKdeOnPool } from './kde-parallel.js';

export interface KdeOnPoolInput {
  /** The events (every column the hotspot statistics read); their weight is used when `weighted`. */
  events: HotspotEvents;
  weighted: boolean;
  /** Surface options; a clip boundary in `options.boundary` is the study area. */
  options: KdeOptions;
  /** Hotspot rules (thresholds, class, fewest events), or null for the surface alone. */
  hotspots: Omit<HotspotOptions, 'csr' | 'studyAreaM2'> | null;
  /** Simulations of the test (0: none; absent: the default when they fit the budget, else the bound). */
  iterations: number | undefined;
  seed: number;
  /** Significance level of the test; absent: the default. */
  alpha?: number;
}

export interface KdeOnPoolResult {
  surface: KdeSurface;
  /** Which events were inside the study area (absent: all). */
  use?: Uint8Array;
  /** The events inside the study area, as the statistics used them. */
  events: HotspotEvents;
  hotspots: HotspotResult | null;
}

export async function kdeOnPool(
  pool: WorkerPool,
  input: KdeOnPoolInput,
  run: { signal?: AbortSignal; onProgress?: ProgressFn } = {},
): Promise<KdeOnPoolResult> {
  const signal = run.signal ? { signal: run.signal } : {};
  const progress = run.onProgress ?? noProgress;
  const { events: all, weighted, options } = input;
  const points = weighted && all.weight ? { x: all.x, y: all.y, weight: all.weight } : { x: all.x, y: all.y };
  const { surface, use } = await runKdeOnPool(pool, points, options, { ...signal, onProgress: progress });
  const events = eventsInside(all, use);
  const base = { surface, events, ...(use ? { use } : {}) };
  if (input.hotspots === null) return { ...base, hotspots: null };

  const { grid } = surface;
  const p = surface.params;
  const weight = weighted ? events.weight : undefined;
  const boundary = options.boundary;
  const mask = boundary ? boundaryMask(grid, boundary) : undefined;
  const alpha = input.alpha === undefined ? {} : { alpha: input.alpha };
  let csr: HotspotOptions['csr'];
  const method = csrMethod(input.iterations, surface.counts.used, p.cellSizeM, p.kernel, p.bandwidthM);
  if (method === 'simulation') {
    const { width, height, originX, originY, cellSizeM } = grid;
    const setup: CsrNullSetup = {
      spec: { width, height, originX, originY, cellSizeM },
      kernel: p.kernel,
      bandwidthM: p.bandwidthM,
      count: surface.counts.used,
      seed: input.seed,
    };
    if (weight) setup.weight = weight;
    if (boundary && mask) {
      setup.boundary = asMultiPolygon(boundary);
      setup.mask = mask;
    }
    const iterations = input.iterations ?? DEFAULT_CSR_ITERATIONS;
    const maxima = await runCsrNullOnPool(pool, setup, iterations, { ...signal, onProgress: progress });
    csr = { maxima, seed: input.seed, ...alpha };
  } else if (method === 'bound') {
    const bound = csrBound({
      kernel: p.kernel,
      bandwidthM: p.bandwidthM,
      studyAreaM2: surface.studyAreaM2,
      cells: mask ? mask.reduce((n, m) => n + m, 0) : grid.width * grid.height,
      ...weightSums(weight, surface.counts.used),
    });
    csr = { bound, ...alpha };
  }
  progress(0, 1, 'Drawing hotspots');
  const hotspotOptions: HotspotOptions = { ...input.hotspots, studyAreaM2: surface.studyAreaM2 };
  if (csr) hotspotOptions.csr = csr;
  // Its progress comes through, so a caller sees the phase start and can cancel it (the signal
  // terminates the thread mid-contour).
  const hotspots = await pool.run(
    'kdeHotspots',
    { grid: { ...grid, values: grid.values.slice() }, events, options: hotspotOptions },
    { ...signal, onProgress: progress },
  );
  return { ...base, hotspots };
}
