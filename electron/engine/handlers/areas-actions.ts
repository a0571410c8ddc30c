/**
 * Handlers of the areas and action-log methods (shared/api/areas-actions-api.ts): thin calls into the
 * stores (project/areas.ts, project/actions.ts), an audit entry for every change, a project-changed
 * event so the map's area and action layers redraw, and the tasking sheet export.
 */
import { resultSummary } from '../../../shared/analysis/results/results-text.js';
import type { areasActionsMethods } from '../../../shared/api/areas-actions-api.js';
import { isoDate, ukDate } from '../../../shared/model/time.js';
import { taskingSheetCsv, taskingSheetHtml } from '../../../shared/tasking/tasking-sheet.js';
import { runResultsAnalysis } from '../analysis/results-service.js';
import type { EngineContext, Handlers } from '../context.js';
import { writeFileAtomic } from '../export/atomic-write.js';
import {
  checkActionForResult,
  latestActionResults,
  listActionResults,
  recordActionResult,
} from '../project/action-results.js';
import {
  actionHistory,
  createAction,
  deleteAction,
  listActions,
  projectMarking,
  updateAction,
} from '../project/actions.js';
import { deleteArea, listAreas, renameArea, saveArea } from '../project/areas.js';
import { readMeta } from '../project/meta.js';

export function createAreasActionsHandlers(ctx: EngineContext): Handlers<typeof areasActionsMethods> {
  const changed = <T>(action: string, detail: Record<string, unknown>, value: T): T => {
    ctx.audit(action, detail);
    ctx.notifyProjectChanged();
    return value;
  };
  return {
    listAreas: async () => listAreas(ctx.project()),
    saveArea: async ({ name, shape }) => {
      const area = saveArea(ctx.project(), name, shape);
      return changed('area-saved', { id: area.id, name, kind: area.kind }, area);
    },
    renameArea: async ({ id, name }) =>
      changed('area-renamed', { id, name }, renameArea(ctx.project(), id, name)),
    deleteArea: async ({ id }) => changed('area-deleted', { id }, { deleted: deleteArea(ctx.project(), id) }),

    listActions: async () => listActions(ctx.project().db),
    createAction: async ({ fields, target }) => {
      const action = createAction(ctx.project(), fields, target);
      return changed('action-created', { id: action.id, target: action.target.label }, action);
    },
    updateAction: async ({ id, fields }) =>
      changed('action-updated', { id }, updateAction(ctx.project().db, id, fields)),
    deleteAction: async ({ id }) =>
      changed('action-deleted', { id }, { deleted: deleteAction(ctx.project().db, id) }),
    actionHistory: async ({ id }) => actionHistory(ctx.project().db, id),
    recordActionResult: ({ jobId, actionId, ...request }) =>
      ctx.jobs.track(jobId, 'results', 'Results analysis', async (progress, signal) => {
        const { db } = ctx.project();
        checkActionForResult(db, actionId);
        const result = await runResultsAnalysis(ctx, request, { progress, signal });
        const recorded = recordActionResult(db, actionId, request, result);
        return changed('action-result-recorded', { id: recorded.id, actionId }, recorded);
      }),
    listActionResults: async ({ actionId }) => listActionResults(ctx.project().db, actionId),

    exportTaskingSheet: async ({ format, target, marking }) => {
      const { db, crs } = ctx.project();
      const actions = listActions(db);
      const results = new Map([...latestActionResults(db)].map(([id, r]) => [id, resultSummary(r.result)]));
      const sheetMarking = marking ?? projectMarking(db);
      const now = Date.now();
      const text =
        format === 'csv'
          ? taskingSheetCsv(actions, results)
          : taskingSheetHtml(
              actions,
              {
                marking: sheetMarking,
                projectName: readMeta(db)?.name ?? 'Project',
                crs,
                generatedOn: ukDate(now),
                appVersion: ctx.appVersion,
              },
              results,
            );
      const data = new TextEncoder().encode(text);
      const fileName = `tasking-sheet-${isoDate(now)}.${format}`;
      const path = target ? ctx.files.resolveTarget(target) : undefined;
      if (path) await writeFileAtomic(path, data);
      ctx.audit('export', {
        kind: 'tasking-sheet',
        format,
        marking: sheetMarking,
        bytes: data.byteLength,
        ...(path ? { path } : {}),
      });
      return {
        fileName,
        bytes: data.byteLength,
        marking: sheetMarking,
        actions: actions.length,
        ...(path ? { path } : { base64: Buffer.from(data).toString('base64') }),
      };
    },
  };
}
