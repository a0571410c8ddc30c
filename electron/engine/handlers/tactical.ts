/**
 * `runTactical` and `exportTactical`: one job per call around the tactical assessment service
 * (electron/engine/analysis/tactical-service.ts) and its file (tactical-file.ts), which
 * `hotspot tactical` calls as well.
 */
import type { tacticalMethods } from '../../../shared/api/tactical-api.js';
import { writeTacticalFile } from '../analysis/tactical-file.js';
import { runTacticalAssessment } from '../analysis/tactical-service.js';
import type { EngineContext, Handlers } from '../context.js';

export function createTacticalHandlers(ctx: EngineContext): Handlers<typeof tacticalMethods> {
  return {
    runTactical: ({ jobId, ...input }) =>
      ctx.jobs.track(jobId, 'tactical', 'Tactical assessment', (progress, signal) =>
        runTacticalAssessment(ctx, input, { progress, signal }),
      ),
    exportTactical: ({ jobId, format, marking, target, ...input }) =>
      ctx.jobs.track(jobId, 'tactical', 'Tactical assessment export', async (progress, signal) => {
        const result = await runTacticalAssessment(ctx, input, { progress, signal });
        const path = target ? ctx.files.resolveTarget(target) : undefined;
        const file = await writeTacticalFile(ctx, result, { format, marking, path });
        return {
          fileName: file.fileName,
          bytes: file.data.byteLength,
          marking: file.marking,
          ...(file.path ? { path: file.path } : { base64: Buffer.from(file.data).toString('base64') }),
        };
      }),
  };
}
