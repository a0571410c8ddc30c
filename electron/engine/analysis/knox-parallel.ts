/**
 * A Knox test spread over the engine's worker pool (DESIGN.md §3 "Analysis runs in worker threads",
 * §4 "Near repeat"; issue 5: "iterations are split across the worker pool; progress and cancel work").
 *
 *   1. knoxPlan on one thread: close pairs and the observed table.
 *   2. The plan's arrays are copied once into SharedArrayBuffers, so all threads read one copy.
 *   3. Iterations 0 … N−1 are cut into one contiguous chunk per thread; each chunk is a knoxSimulate
 *      job. Iteration i's permutation depends on (seed, i) alone, so the joined tables, and the
 *      result, are identical to a single-threaded knoxTest whatever the pool size.
 *   4. The chunks' tables are joined in iteration order and summarised (assembleKnoxResult).
 *
 * Progress is the sum of the chunks' finished iterations out of N. Cancel: the signal goes to every
 * pool.run, so aborting terminates every thread of the run and the promise rejects with
 * ApiError('cancelled').
 */
import type { KnoxPlan } from '../../../shared/analysis/knox/knox-plan.js';
import {
  assembleKnoxResult,
  type KnoxOptions,
  type KnoxResult,
  resolveKnoxOptions,
} from '../../../shared/analysis/knox/knox-test.js';
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import { noProgress } from '../../../shared/jobs/progress.js';
import type { EventColumns } from '../../../shared/model/records.js';
import type { WorkerPool } from '../jobs/worker-pool.js';
import { chunkRanges, shareArray } from './pool-chunks.js';

export interface ParallelKnoxOptions {
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  /** Number of chunks; default the pool's size. Does not change the result. */
  chunks?: number;
}

export async function runKnoxOnPool(
  pool: WorkerPool,
  events: EventColumns,
  options: KnoxOptions,
  run: ParallelKnoxOptions = {},
): Promise<KnoxResult> {
  const settings = resolveKnoxOptions(options);
  const signal = run.signal;
  const progress = run.onProgress ?? noProgress;
  const { plan, observed } = await pool.run(
    'knoxPlan',
    { x: events.x, y: events.y, day: events.day, settings },
    signal ? { signal } : {},
  );
  const shared = sharePlan(plan);
  const day = shareArray(events.day);
  const chunkCount = Math.max(1, Math.min(run.chunks ?? pool.size, settings.iterations));
  const doneByChunk = new Float64Array(chunkCount);
  progress(0, settings.iterations);
  const parts = await Promise.all(
    chunkRanges(settings.iterations, chunkCount).map(([from, to], k) =>
      pool.run(
        'knoxSimulate',
        { plan: shared, day, seed: settings.seed, fromIteration: from, toIteration: to },
        {
          ...(signal ? { signal } : {}),
          onProgress: (done) => {
            doneByChunk[k] = done;
            let sum = 0;
            for (const d of doneByChunk) sum += d;
            progress(sum, settings.iterations);
          },
        },
      ),
    ),
  );
  const cells = plan.distanceBands * plan.timeBands;
  const simulated = new Float64Array(settings.iterations * cells);
  let offset = 0;
  for (const { tables } of parts) {
    simulated.set(tables, offset);
    offset += tables.length;
  }
  progress(settings.iterations, settings.iterations);
  return assembleKnoxResult(settings, plan, observed, simulated);
}

function sharePlan(plan: KnoxPlan): KnoxPlan {
  return {
    ...plan,
    order: shareArray(plan.order),
    rowStart: shareArray(plan.rowStart),
    pairs: shareArray(plan.pairs),
    deltaColumn: shareArray(plan.deltaColumn),
    rowPairTotals: shareArray(plan.rowPairTotals),
    timeTotals: shareArray(plan.timeTotals),
  };
}
