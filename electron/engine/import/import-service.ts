/**
 * The import services the Api handlers and the CLI both call (STYLE.md 16): preview a table file
 * with its detected mapping and PII columns, and run an import as a tracked worker job on its own
 * connection (import/import-job.ts), announcing the change when records were written.
 */
import { ApiError } from '../../../shared/api/errors.js';
import type { ImportPreview, ImportSummary, TableOptions } from '../../../shared/api/import-api.js';
import { detectMapping } from '../../../shared/import/detect-mapping.js';
import { detectPii } from '../../../shared/import/pii.js';
import { piiSampleCells } from '../../../shared/import/pii-sample.js';
import type { EngineContext } from '../context.js';
import { previewTable } from './readers/open-table.js';
import { ImportFileError } from './readers/table.js';
import type { RunImportParams } from './run-import.js';

export const PREVIEW_ROWS = 50;

/** The first rows of the file at `path`, the mapping detected from them and the likely PII columns. */
export async function previewImportFile(path: string, table: TableOptions = {}): Promise<ImportPreview> {
  let preview: Awaited<ReturnType<typeof previewTable>>;
  try {
    preview = await previewTable(path, PREVIEW_ROWS, table);
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
}

export type ImportJobRequest = Omit<RunImportParams, 'projectCrs' | 'nowMs' | 'readerThread'> & {
  fileName: string;
};

/** Imports into the open project as job `jobId` (listed, cancellable, with progress events). */
export async function runImportJob(
  ctx: EngineContext,
  jobId: string,
  request: ImportJobRequest,
): Promise<ImportSummary> {
  const project = ctx.project();
  const summary = await ctx.jobs.run(
    jobId,
    'import',
    { ...request, projectPath: project.path, projectCrs: project.crs },
    { label: `${request.dryRun ? 'Checking' : 'Importing'} ${request.fileName} → ${request.dataset}` },
  );
  if (summary.importId !== null) ctx.notifyProjectChanged();
  return summary;
}
