/**
 * `runTactical` and `exportTactical`: one job per call around the tactical assessment service
 * (electron/engine/analysis/tactical-service.ts), which `hotspot tactical` calls as well; the export
 * renders it (tactical-export.ts) marked with the project's protective marking unless told otherwise.
 */
import type { tacticalMethods } from '../../../shared/api/tactical-api.js';
import { isoDate } from '../../../shared/model/time.js';
import { renderTactical } from '../analysis/tactical-export.js';
import { runTacticalAssessment } from '../analysis/tactical-service.js';
import type { EngineContext, Handlers } from '../context.js';
import { writeFileAtomic } from '../export/atomic-write.js';
import { printHtmlToPdf } from '../export/print-pdf.js';
import { projectMarking } from '../project/actions.js';

export function createTacticalHandlers(ctx: EngineContext): Handlers<typeof tacticalMethods> {
  return {
    runTactical: ({ jobId, ...input }) =>
      ctx.jobs.track(jobId, 'tactical', 'Tactical assessment', (progress, signal) =>
        runTacticalAssessment(ctx, input, { progress, signal }),
      ),
    exportTactical: ({ jobId, format, marking, target, ...input }) =>
      ctx.jobs.track(jobId, 'tactical', 'Tactical assessment export', async (progress, signal) => {
        const result = await runTacticalAssessment(ctx, input, { progress, signal });
        const sheetMarking = marking ?? projectMarking(ctx.project().db);
        const data = await renderTactical(result, format, {
          marking: sheetMarking,
          appVersion: ctx.appVersion,
          printPdf: printHtmlToPdf,
        });
        const fileName = `tactical-assessment-${input.from}-to-${input.to}.${format}`;
        const path = target ? ctx.files.resolveTarget(target) : undefined;
        if (path) await writeFileAtomic(path, data);
        ctx.audit('export', {
          kind: 'tactical-assessment',
          format,
          marking: sheetMarking,
          bytes: data.byteLength,
          createdOn: isoDate(Date.now()),
          ...(path ? { path } : {}),
        });
        return {
          fileName,
          bytes: data.byteLength,
          marking: sheetMarking,
          ...(path ? { path } : { base64: Buffer.from(data).toString('base64') }),
        };
      }),
  };
}
