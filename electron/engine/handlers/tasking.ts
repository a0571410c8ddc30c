/**
 * `runGiStar`, `runEmerging`, `runResults`, `runConcentration`: one job per call around the tasking
 * statistics' engine services, which the CLI calls (or their shared code) as well.
 */
import type { taskingMethods } from '../../../shared/api/tasking-api.js';
import { runConcentrationAnalysis } from '../analysis/concentration-service.js';
import { runEmergingAnalysis } from '../analysis/emerging-service.js';
import { runGiStarAnalysis } from '../analysis/gistar-service.js';
import { runResultsAnalysis } from '../analysis/results-service.js';
import type { EngineContext, Handlers } from '../context.js';

export function createTaskingHandlers(ctx: EngineContext): Handlers<typeof taskingMethods> {
  return {
    runGiStar: ({ jobId, ...input }) =>
      ctx.jobs.track(jobId, 'gistar', 'Gi* hot spots', (progress, signal) =>
        runGiStarAnalysis(ctx, input, { progress, signal }),
      ),
    runEmerging: ({ jobId, ...input }) =>
      ctx.jobs.track(jobId, 'emerging', 'Emerging hot spots', (progress, signal) =>
        runEmergingAnalysis(ctx, input, { progress, signal }),
      ),
    runResults: ({ jobId, ...input }) =>
      ctx.jobs.track(jobId, 'results', 'Results analysis', (progress, signal) =>
        runResultsAnalysis(ctx, input, { progress, signal }),
      ),
    runConcentration: ({ jobId, ...input }) =>
      ctx.jobs.track(jobId, 'concentration', 'Crime concentration', (progress, signal) =>
        runConcentrationAnalysis(ctx, input, { progress, signal }),
      ),
  };
}
