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
 * With an early stop allowed (settings.earlyStopExceedances), the iterations run in rounds and the
 * rule (shared/analysis/knox/sequential-stop.ts) is checked after each; it reads the tables in
 * iteration order, so the stopping point and the result do not depend on the pool's size.
 *
 * Progress is the sum of the chunks' finished iterations out of N. Cancel: the signal goes to every
 * pool.run, so aborting terminates every thread of the run and the promise rejects with
 * ApiError('cancelled').
 */
import { estimateKnoxSeconds } from '../../../shared/analysis/knox/knox-estimate.js';
import type { KnoxPlan } from '../../../shared/analysis/knox/knox-plan.js';
import {
  assembleKnoxResult,
  type KnoxOptions,
  type KnoxResult,
  resolveKnoxOptions,
} from '../../../shared/analysis/knox/knox-test.js';
import { sequentialStop } from '../../../shared/analysis/knox/sequential-stop.js';
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import { noProgress } from '../../../shared/jobs/progress.js';
import type { EventColumns } from '../../../shared/model/records.js';
import type { WorkerPool } from '../jobs/worker-pool.js';
import { chunkRanges, shareArray } from './pool-chunks.js';

/** Iterations per thread between checks of the early-stop rule. */
const ROUND_PER_CHUNK = 64;

export interface ParallelKnoxOptions {
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  /** Number of chunks; default the pool's size. Does not change the result. */
  chunks?: number;
  /** Told once the plan is built, before the iterations: their estimated time (knox-estimate.ts). */
  onEstimate?: (seconds: number) => void;
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
  const cells = plan.distanceBands * plan.timeBands;
  const simulated = new Float64Array(settings.iterations * cells);
  const simulate = async (from: number, to: number): Promise<void> => {
    const ranges = chunkRanges(to - from, chunkCount).map(([a, b]) => [from + a, from + b]);
    const doneByChunk = new Float64Array(ranges.length);
    const parts = await Promise.all(
      ranges.map(([a, b], k) =>
        pool.run(
          'knoxSimulate',
          { plan: shared, day, seed: settings.seed, fromIteration: a, toIteration: b },
          {
            ...(signal ? { signal } : {}),
            onProgress: (done) => {
              doneByChunk[k] = done;
              let sum = from;
              for (const d of doneByChunk) sum += d;
              progress(sum, settings.iterations);
            },
          },
        ),
      ),
    );
    for (const [k, { tables }] of parts.entries()) simulated.set(tables, ranges[k][0] * cells);
  };
  progress(0, settings.iterations);
  run.onEstimate?.(
    estimateKnoxSeconds({
      events: plan.eventCount,
      closePairs: plan.pairs.length,
      iterations: settings.iterations,
      threads: chunkCount,
      timeBands: plan.timeBands,
    }),
  );
  const h = settings.earlyStopExceedances;
  if (h === null) {
    await simulate(0, settings.iterations);
    progress(settings.iterations, settings.iterations);
    return assembleKnoxResult(settings, plan, observed, simulated);
  }
  // Early stop allowed: rounds of iterations, the rule checked after each (sequential-stop.ts).
  const round = ROUND_PER_CHUNK * chunkCount;
  for (let from = 0; from < settings.iterations; from += round) {
    const to = Math.min(settings.iterations, from + round);
    await simulate(from, to);
    progress(to, settings.iterations);
    if (sequentialStop(observed, simulated, to, h).settled) {
      return assembleKnoxResult(settings, plan, observed, simulated.subarray(0, to * cells));
    }
  }
  return assembleKnoxResult(settings, plan, observed, simulated);
}

/** The plan with its typed arrays in SharedArrayBuffers (the threads read one copy). */
function sharePlan(plan: KnoxPlan): KnoxPlan {
  return {
    ...plan,
    order: shareArray(plan.order),
    pairs: shareArray(plan.pairs),
    runStart: shareArray(plan.runStart),
    runEnd: shareArray(plan.runEnd),
    runRow: shareArray(plan.runRow),
    laneColumn: shareArray(plan.laneColumn),
    bandWeight: shareArray(plan.bandWeight),
    timeTotals: shareArray(plan.timeTotals),
  };
}
