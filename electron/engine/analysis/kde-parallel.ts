/**
 * A kernel density surface spread over the engine's worker pool (DESIGN.md §3, §4 "Kernel density";
 * issue 5: 1,000,000 points on a 1000 × 1000 grid in ≤ 0.5 s on 2 cores).
 *
 *   1. The event columns are placed in SharedArrayBuffers once (no copy when they already are), so
 *      every thread reads the same memory: nothing is cloned to the workers.
 *   2. One kdeBand job per thread: each plans the request (guard rails, defaults, grid), cuts the
 *      grid's rows into bands holding near-equal numbers of events (row-bands.ts), and splats every
 *      event into its own band only (kde-job.ts says why each thread plans rather than one).
 *   3. The bands are disjoint, so they are placed side by side into the full grid. Each cell is
 *      computed by exactly one thread, adding the events in the same order as the single-threaded
 *      kernelDensity, so the surface is identical to it bit for bit. finishKde scales to events per
 *      km² and clips. The events' `use` mask (when events were left out as outside) comes back with
 *      the surface, so statistics use the same events.
 *
 * The Monte Carlo test against complete spatial randomness (runCsrNullOnPool) is cut the same way
 * as Knox's: contiguous ranges of iterations, one kdeCsrNull job per thread, each iteration seeded on
 * its own (csr-test.ts), so the maxima do not depend on the number of threads.
 *
 * Progress: events visited out of all, summed over the bands (simulations done, for the test). Cancel: the signal reaches every
 * pool.run, so aborting terminates the threads and the promise rejects with ApiError('cancelled').
 */
import type { CsrNullSetup } from '../../../shared/analysis/hotspots/csr-test.js';
import { finishKde, type KdeSurface } from '../../../shared/analysis/kde/kde.js';
import type { KdeOptions, KdePoints } from '../../../shared/analysis/kde/plan.js';
import { noProgress, type ProgressFn } from '../../../shared/jobs/progress.js';
import type { WorkerPool } from '../jobs/worker-pool.js';
import { asShared, chunkRanges } from './pool-chunks.js';

export interface ParallelKdeOptions {
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  /** Number of row bands; default the pool's size. Does not change the result. */
  chunks?: number;
}

export async function runKdeOnPool(
  pool: WorkerPool,
  points: KdePoints,
  options: KdeOptions,
  run: ParallelKdeOptions = {},
): Promise<{ surface: KdeSurface; use?: Uint8Array }> {
  const signal = run.signal;
  const progress = run.onProgress ?? noProgress;
  const x = asShared(points.x);
  const y = asShared(points.y);
  const weight = points.weight ? asShared(points.weight) : undefined;
  const bands = Math.max(1, run.chunks ?? pool.size);
  const total = x.length * bands;
  const doneByBand = new Float64Array(bands);
  progress(0, total, 'Kernel density');
  const results = await Promise.all(
    Array.from({ length: bands }, (_, band) =>
      pool.run(
        'kdeBand',
        { x, y, ...(weight ? { weight } : {}), options, band, bands },
        {
          ...(signal ? { signal } : {}),
          onProgress: (done) => {
            doneByBand[band] = done;
            let sum = 0;
            for (const d of doneByBand) sum += d;
            progress(sum, total, 'Kernel density');
          },
        },
      ),
    ),
  );
  const plan = results[0]!.plan!;
  const { width, height } = plan.spec;
  const grid = new Float64Array(width * height);
  for (const { rowStart, raw } of results) grid.set(raw, rowStart * width);
  progress(total, total, 'Kernel density');
  const surface = finishKde(grid, plan);
  return plan.use ? { surface, use: plan.use } : { surface };
}

/** The simulated maxima of `iterations` CSR simulations, spread over the pool. */
export async function runCsrNullOnPool(
  pool: WorkerPool,
  setup: CsrNullSetup,
  iterations: number,
  run: ParallelKdeOptions = {},
): Promise<Float64Array> {
  const signal = run.signal;
  const progress = run.onProgress ?? noProgress;
  const message = 'Testing against complete spatial randomness';
  const shared: CsrNullSetup = setup.weight ? { ...setup, weight: asShared(setup.weight) } : setup;
  const ranges = chunkRanges(iterations, Math.max(1, Math.min(run.chunks ?? pool.size, iterations)));
  const doneByChunk = new Float64Array(ranges.length);
  progress(0, iterations, message);
  const parts = await Promise.all(
    ranges.map(([from, to], k) =>
      pool.run(
        'kdeCsrNull',
        { setup: shared, fromIteration: from, toIteration: to },
        {
          ...(signal ? { signal } : {}),
          onProgress: (done) => {
            doneByChunk[k] = done;
            let sum = 0;
            for (const d of doneByChunk) sum += d;
            progress(sum, iterations, message);
          },
        },
      ),
    ),
  );
  const maxima = new Float64Array(iterations);
  for (const [k, [from]] of ranges.entries()) maxima.set(parts[k]!.maxima, from);
  progress(iterations, iterations, message);
  return maxima;
}
