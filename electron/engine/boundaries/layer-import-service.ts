/**
 * The layer import services the Api handlers and the CLI both call (STYLE.md 16): a boundary layer
 * (as a tracked worker job when given a job id, else on the project's connection) and a reference
 * line layer (the streets profile maps draw), each announcing the change to the project.
 */
import type { BoundaryLayerInfo } from '../../../shared/api/import-api.js';
import type { ReferenceLayerInfo } from '../../../shared/api/profile-api.js';
import type { EngineContext } from '../context.js';
import { importReferenceLines } from '../profile/reference-lines.js';
import { type ImportBoundariesParams, importBoundaries } from './import-boundaries.js';

export type LayerImportRequest = Omit<ImportBoundariesParams, 'projectCrs'> & { fileName: string };

export async function importBoundaryLayer(
  ctx: EngineContext,
  request: LayerImportRequest,
  jobId?: string,
): Promise<BoundaryLayerInfo> {
  const project = ctx.project();
  const params = { ...request, projectCrs: project.crs };
  const result = jobId
    ? await ctx.jobs.run(
        jobId,
        'importBoundaries',
        { ...params, projectPath: project.path },
        { label: `Boundaries: ${request.fileName}` },
      )
    : await importBoundaries(project.db, params);
  ctx.notifyProjectChanged();
  return result.layer;
}

export async function importReferenceLayer(
  ctx: EngineContext,
  request: Omit<LayerImportRequest, 'codeField' | 'nameField'>,
): Promise<ReferenceLayerInfo> {
  const project = ctx.project();
  const { skipped: _skipped, ...layer } = await importReferenceLines(project.db, {
    ...request,
    projectCrs: project.crs,
  });
  ctx.notifyProjectChanged();
  return layer;
}
