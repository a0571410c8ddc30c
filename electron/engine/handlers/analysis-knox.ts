/**
 * `runKnox` and `runChains`: one job per call around the near-repeat engine services
 * (electron/engine/analysis/knox-service.ts, chains-service.ts), which the CLI and the profile call
 * as well. `planKnox` is the estimate before a run: a short worker job with no progress or Cancel,
 * so it is not a tracked job (its jobId is not used).
 */
import type { analysisMethods } from '../../../shared/api/analysis-api.js';
import { runChainsAnalysis } from '../analysis/chains-service.js';
import { planKnoxAnalysis, runKnoxAnalysis } from '../analysis/knox-service.js';
import type { EngineContext, Handlers } from '../context.js';

export function createKnoxHandlers(
  ctx: EngineContext,
): Pick<Handlers<typeof analysisMethods>, 'runKnox' | 'planKnox' | 'runChains'> {
  return {
    planKnox: (input) => planKnoxAnalysis(ctx, input),
    runKnox: (input) =>
      ctx.jobs.track(input.jobId, 'knox', 'Near repeat (Knox test)', (progress, signal) =>
        runKnoxAnalysis(ctx, input, { progress, signal }),
      ),
    runChains: (input) =>
      ctx.jobs.track(input.jobId, 'chains', 'Near-repeat chains', (progress, signal) =>
        runChainsAnalysis(ctx, input, { progress, signal }),
      ),
  };
}
