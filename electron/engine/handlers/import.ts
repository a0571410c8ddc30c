/**
 * Handlers of the import-api methods: preview and run imports, datasets and their imports, mapping
 * presets, boundary layers, and record queries. Previews, imports and boundary imports call the
 * services the CLI calls too (import/import-service.ts, boundaries/layer-import-service.ts), which
 * run imports as worker jobs with their own connection; everything else is quick reads or one
 * small transaction on the project's connection.
 */

import type { importMethods } from '../../../shared/api/import-api.js';
import {
  deleteBoundaryLayer,
  getBoundaryLayerGeoJson,
  listBoundaryLayers,
} from '../boundaries/boundary-layers.js';
import { countByArea } from '../boundaries/count-by-area.js';
import { detectBoundaryFields } from '../boundaries/detect-fields.js';
import { importBoundaryLayer } from '../boundaries/layer-import-service.js';
import { readBoundaryFile } from '../boundaries/read-boundary-file.js';
import type { EngineContext, Handlers } from '../context.js';
import {
  deleteDataset,
  exportRejectedRows,
  getImportIssues,
  listDatasets,
  listImports,
  undoLastImport,
} from '../import/datasets.js';
import { previewImportFile, runImportJob } from '../import/import-service.js';
import { listMappingPresets, saveMappingPreset } from '../import/mapping-presets.js';
import { queryRecords, summariseRecords } from '../query/query-records.js';

export function createImportHandlers(ctx: EngineContext): Handlers<typeof importMethods> {
  const db = () => ctx.project().db;
  const changed = <T>(result: T): T => {
    ctx.notifyProjectChanged();
    return result;
  };

  return {
    previewImport: async ({ file, table }) => previewImportFile(ctx.files.resolve(file), table ?? {}),
    runImport: async ({ jobId, file, table, dataset, mapping, pii, dryRun, allowDuplicateFile }) =>
      runImportJob(ctx, jobId, {
        filePath: ctx.files.resolve(file),
        fileName: file.name,
        ...(table ? { table } : {}),
        dataset,
        mapping,
        pii,
        dryRun,
        allowDuplicateFile,
      }),

    listDatasets: async () => listDatasets(db()),
    deleteDataset: async ({ datasetId }) => changed(deleteDataset(db(), datasetId)),
    undoLastImport: async ({ datasetId }) => changed(undoLastImport(db(), datasetId)),
    listImports: async ({ datasetId }) => listImports(db(), datasetId),
    getImportIssues: async (query) => getImportIssues(db(), query),
    exportRejectedRows: async ({ importId }) => {
      const result = exportRejectedRows(db(), importId);
      ctx.audit('export-rejected-rows', { importId, rows: result.rows, fileName: result.fileName });
      return result;
    },

    listMappingPresets: async () => listMappingPresets(db()),
    saveMappingPreset: async ({ name, mapping }) => saveMappingPreset(db(), name, mapping),

    previewBoundaries: async ({ file }) => {
      const read = await readBoundaryFile(ctx.files.resolve(file), file.name);
      const properties = read.features.map((f) => f.properties);
      const examples: Record<string, string[]> = {};
      for (const name of read.fields) {
        const values = properties
          .map((p) => p[name])
          .filter((v) => v !== null && v !== undefined && v !== '');
        examples[name] = [...new Set(values.slice(0, 20).map(String))].slice(0, 3);
      }
      return {
        format: read.format,
        features: read.features.length,
        skipped: read.skipped.length,
        fields: read.fields,
        examples,
        detected: detectBoundaryFields(read.fields, properties),
        crs: read.crs ?? null,
      };
    },
    importBoundaries: async ({ jobId, file, name, codeField, nameField, sourceCrs }) =>
      importBoundaryLayer(
        ctx,
        {
          filePath: ctx.files.resolve(file),
          fileName: file.name,
          name,
          ...(codeField ? { codeField } : {}),
          ...(nameField ? { nameField } : {}),
          ...(sourceCrs ? { sourceCrs } : {}),
        },
        jobId,
      ),
    listBoundaryLayers: async () => listBoundaryLayers(db()),
    getBoundaryLayer: async ({ id }) => getBoundaryLayerGeoJson(db(), id, ctx.project().crs),
    deleteBoundaryLayer: async ({ id }) => changed(deleteBoundaryLayer(db(), id)),

    queryRecords: async ({ filter }) => queryRecords(db(), filter),
    summariseRecords: async ({ filter }) => summariseRecords(db(), filter),
    countByArea: async ({ filter, layerId }) => countByArea(db(), filter, layerId),
  };
}
