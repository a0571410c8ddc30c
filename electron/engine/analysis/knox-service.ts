/**
 * `runKnoxAnalysis`: the Knox near-repeat test of the filtered records as an engine service
 * (DESIGN.md §4 "Near repeat", "Guard rails", "Provenance"), called by the `runKnox` handler (one job
 * per call), the profile and the CLI under their own job:
 *
 *   filter → near-repeat-events.ts (guard rails) → runKnoxOnPool (plan + chunks of iterations over
 *   the worker pool, knox-parallel.ts) → report, threshold suggestion and provenance → cached in the
 *   project (analysis-cache.ts), keyed by the filter, the records version and every parameter
 *   including the seed.
 *
 * A request without a seed gets one drawn here, so the cache key, the report and a rerun all carry it.
 *
 * `planKnoxAnalysis` (the `planKnox` handler) tells the analyst before a run how long it will take:
 * the same filter, guard rails and plan as a run, in one `knoxCount` worker job that builds the plan
 * and returns its counts only, so the engine thread stays free (the plan of the sample town's wide
 * bands is 6 M pairs, a few hundred milliseconds) and nothing is cached or recorded as an analysis.
 */
import {
  estimateText,
  type KnoxEstimate,
  knoxRunEstimate,
} from '../../../shared/analysis/knox/knox-estimate.js';
import { knoxReport } from '../../../shared/analysis/knox/knox-report.js';
import { type KnoxOptions, resolveKnoxOptions } from '../../../shared/analysis/knox/knox-test.js';
import { nrcPreset } from '../../../shared/analysis/knox/nrc-preset.js';
import { suggestThresholds } from '../../../shared/analysis/knox/suggest-thresholds.js';
import type { analysisMethods, KnoxRunResult } from '../../../shared/api/analysis-api.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import { cached } from '../analysis-cache.js';
import type { EngineContext } from '../context.js';
import { recordsVersion } from '../import/records-version.js';
import type { AnalysisJob } from './analysis-job.js';
import { runKnoxOnPool } from './knox-parallel.js';
import { checkedArgument, nearRepeatEvents } from './near-repeat-events.js';
import { analysisProvenance } from './provenance.js';

export type KnoxApiInput = InputOf<typeof analysisMethods, 'runKnox'>;
export type KnoxRequest = Omit<KnoxApiInput, 'jobId'>;

export async function runKnoxAnalysis(
  ctx: EngineContext,
  request: KnoxRequest,
  job: AnalysisJob,
): Promise<KnoxRunResult> {
  const { db } = ctx.project();
  const settings = checkedArgument(() => resolveKnoxOptions(knoxOptionsOf(request)));
  const params = {
    distanceEdgesM: settings.distanceEdgesM.map(finiteOrNull),
    timeEdgesDays: settings.timeEdgesDays.map(finiteOrNull),
    metric: settings.metric,
    iterations: settings.iterations,
    seed: settings.seed,
    earlyStopExceedances: settings.earlyStopExceedances,
    nrc: request.nrc ?? null,
    timeBasis: request.timeBasis ?? 'midpoint',
    monthOverride: request.monthOverride?.reason ?? null,
  };
  const inputs = { filter: request.filter, recordsVersion: recordsVersion(db) };
  const { value, hit, analysisId } = await cached(ctx, 'knox', inputs, params, async () => {
    const { events, caveats, columns } = nearRepeatEvents(ctx, db, request, 'Knox');
    // The estimate (knox-estimate.ts) rides on every progress message once the plan is built.
    let message: string | undefined;
    const result = await runKnoxOnPool(ctx.jobs.pool, events, settings, {
      signal: job.signal,
      onProgress: (done, total) => job.progress(done, total, message),
      onEstimate: (seconds) => {
        message = `Monte Carlo iterations, ${estimateText(seconds)}`;
      },
    });
    const provenance = analysisProvenance(ctx, {
      filter: request.filter,
      columns,
      windowBasis: request.timeBasis ?? 'midpoint',
      caveats,
    });
    return { report: knoxReport(result, provenance.caveats), provenance };
  });
  return {
    ...value.report,
    suggestion: suggestThresholds(value.report),
    analysisId,
    cached: hit,
    provenance: value.provenance,
  };
}

/** The close pairs of a request and its estimated Monte Carlo time (knox-estimate.ts), without the run. */
export async function planKnoxAnalysis(ctx: EngineContext, request: KnoxRequest): Promise<KnoxEstimate> {
  const { db } = ctx.project();
  const settings = checkedArgument(() => resolveKnoxOptions(knoxOptionsOf(request)));
  const { events } = nearRepeatEvents(ctx, db, request, 'Knox');
  const counted = await ctx.jobs.pool.run('knoxCount', {
    x: events.x,
    y: events.y,
    day: events.day,
    settings,
  });
  return knoxRunEstimate(counted, settings, ctx.jobs.pool.size);
}

/** The Knox options of a request: explicit edges (null = Infinity) or the NRC preset. */
export function knoxOptionsOf(input: KnoxRequest): KnoxOptions {
  const common = {
    ...(input.iterations === undefined ? {} : { iterations: input.iterations }),
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    ...(input.earlyStopExceedances === undefined ? {} : { earlyStopExceedances: input.earlyStopExceedances }),
  };
  if (input.nrc) {
    const preset = checkedArgument(() => nrcPreset(input.nrc!));
    if (input.metric !== undefined && input.metric !== 'manhattan') {
      throw new ApiError('invalid-argument', 'the Near Repeat Calculator preset uses Manhattan distance');
    }
    return { ...preset, ...common };
  }
  return {
    distanceEdgesM: input.distanceEdgesM!.map(nullToInfinity),
    timeEdgesDays: input.timeEdgesDays!.map(nullToInfinity),
    metric: input.metric ?? 'euclidean',
    ...common,
  };
}

function nullToInfinity(edge: number | null): number {
  return edge === null ? Infinity : edge;
}

function finiteOrNull(edge: number): number | null {
  return edge === Infinity ? null : edge;
}
