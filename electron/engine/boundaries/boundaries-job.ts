/**
 * The worker side of the `importBoundaries` job kind: its own connection, one transaction, so the
 * main thread stays responsive while a large boundary file (all LSOAs) is parsed and transformed.
 */
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import { openImportConnection } from '../import/import-job.js';
import {
  type ImportBoundariesParams,
  type ImportBoundariesResult,
  importBoundaries,
} from './import-boundaries.js';

export interface BoundariesJobParams extends ImportBoundariesParams {
  projectPath: string;
}

export async function importBoundariesJob(
  params: BoundariesJobParams,
  progress: ProgressFn,
): Promise<ImportBoundariesResult> {
  const db = openImportConnection(params.projectPath);
  try {
    return await importBoundaries(db, params, progress);
  } finally {
    db.close();
  }
}
