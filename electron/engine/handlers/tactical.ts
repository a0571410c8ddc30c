/**
 * `runTactical`: one job per call around the tactical assessment service
 * (electron/engine/analysis/tactical-service.ts), which `hotspot tactical` calls as well.
 */
import type { tacticalMethods } from '../../../shared/api/tactical-api.js';
import { runTacticalAssessment } from '../analysis/tactical-service.js';
import type { EngineContext, Handlers } from '../context.js';

export function createTacticalHandlers(ctx: EngineContext): Handlers<typeof tacticalMethods> {
  return {
    runTactical: ({ jobId, ...input }) =>
      ctx.jobs.track(jobId, 'tactical', 'Tactical assessment', (progress, signal) =>
        runTacticalAssessment(ctx, input, { progress, signal }),
      ),
  };
}
