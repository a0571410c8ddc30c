/**
 * Handlers of the import-api methods: preview and run imports, datasets and their imports, mapping
 * presets, boundary layers, and record queries. Imports and boundary imports run as worker jobs with
 * their own connection (import/import-job.ts); everything else is quick reads or one small
 * transaction on the project's connection.
 */

import { ApiError } from '../../../shared/api/errors.js';
import type { importMethods } from '../../../shared/api/import-api.js';
import { detectMapping } from '../../../shared/import/detect-mapping.js';
import { detectPii } from '../../../shared/import/pii.js';
import { piiSampleCells } from '../../../shared/import/pii-sample.js';
import {
  deleteBoundaryLayer,
  getBoundaryLayerGeoJson,
  listBoundaryLayers,
} from '../boundaries/boundary-layers.js';
import { countByArea } from '../boundaries/count-by-area.js';
import { detectBoundaryFields } from '../boundaries/detect-fields.js';
import { importBoundaries } from '../boundaries/import-boundaries.js';
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
import { listMappingPresets, saveMappingPreset } from '../import/mapping-presets.js';
import { previewTable } from '../import/readers/open-table.js';
import { ImportFileError } from '../import/readers/table.js';
import { queryRecords, summariseRecords } from '../query/query-records.js';

export const PREVIEW_ROWS = 50;

export function createImportHandlers(ctx: EngineContext): Handlers<typeof importMethods> {
  const db = () => ctx.project().db;
  const changed = <T>(result: T): T => {
    ctx.notifyProjectChanged();
    return result;
  };

  return {
    previewImport: async ({ file, table }) => {
      const path = ctx.files.resolve(file);
      let preview: Awaited<ReturnType<typeof previewTable>>;
      try {
        preview = await previewTable(path, PREVIEW_ROWS, table ?? {});
      } catch (error) {
        if (error instanceof ImportFileError) throw new ApiError('refused', error.message);
        throw error;
      }
      const cells = preview.rows.map((row) => row.cells);
      const detection = detectMapping(preview.headers, cells);
      return {
        headers: preview.headers,
        rows: preview.rows,
        format: preview.info.format,
        encoding: preview.info.encoding,
        delimiter: preview.info.delimiter,
        sheets: preview.info.sheets ?? [],
        sheet: preview.info.sheet ?? null,
        mapping: detection.mapping,
        preset: detection.preset,
        pii: detectPii(preview.headers, cells.map(piiSampleCells)),
        problems: detection.problems,
      };
    },

    runImport: async ({ jobId, file, table, dataset, mapping, pii, dryRun, allowDuplicateFile }) => {
      const project = ctx.project();
      const summary = await ctx.jobs.run(
        jobId,
        'import',
        {
          projectPath: project.path,
          projectCrs: project.crs,
          filePath: ctx.files.resolve(file),
          fileName: file.name,
          ...(table ? { table } : {}),
          dataset,
          mapping,
          pii,
          dryRun,
          allowDuplicateFile,
        },
        { label: `${dryRun ? 'Checking' : 'Importing'} ${file.name} → ${dataset}` },
      );
      return summary.importId === null ? summary : changed(summary);
    },

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
    importBoundaries: async ({ jobId, file, name, codeField, nameField, sourceCrs }) => {
      const project = ctx.project();
      const params = {
        filePath: ctx.files.resolve(file),
        fileName: file.name,
        name,
        projectCrs: project.crs,
        ...(codeField ? { codeField } : {}),
        ...(nameField ? { nameField } : {}),
        ...(sourceCrs ? { sourceCrs } : {}),
      };
      const result = jobId
        ? await ctx.jobs.run(
            jobId,
            'importBoundaries',
            { ...params, projectPath: project.path },
            { label: `Boundaries: ${file.name}` },
          )
        : await importBoundaries(project.db, params);
      return changed(result.layer);
    },
    listBoundaryLayers: async () => listBoundaryLayers(db()),
    getBoundaryLayer: async ({ id }) => getBoundaryLayerGeoJson(db(), id, ctx.project().crs),
    deleteBoundaryLayer: async ({ id }) => changed(deleteBoundaryLayer(db(), id)),

    queryRecords: async ({ filter }) => queryRecords(db(), filter),
    summariseRecords: async ({ filter }) => summariseRecords(db(), filter),
    countByArea: async ({ filter, layerId }) => countByArea(db(), filter, layerId),
  };
}
