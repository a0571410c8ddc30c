/**
 * `runKde`: one job per call around the kernel density engine service
 * (electron/engine/analysis/kde-service.ts), which the CLI and the profile call as well.
 */
import type { analysisMethods } from '../../../shared/api/analysis-api.js';
import { runKdeAnalysis } from '../analysis/kde-service.js';
import type { EngineContext, Handlers } from '../context.js';

export function createKdeHandlers(ctx: EngineContext): Pick<Handlers<typeof analysisMethods>, 'runKde'> {
  return {
    runKde: (input) =>
      ctx.jobs.track(input.jobId, 'kde', 'Kernel density', (progress, signal) =>
        runKdeAnalysis(ctx, input, { progress, signal }),
      ),
  };
}
