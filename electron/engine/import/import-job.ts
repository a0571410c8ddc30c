/**
 * The worker side of the `import` job kind: opens its own connection to the project file and runs
 * the import there. The main connection keeps serving reads meanwhile (WAL: readers see the last
 * commit, never the import's uncommitted pages), and a cancel terminates this thread, which drops
 * the connection with its transaction uncommitted, so the project is exactly as before.
 */
import Database from 'better-sqlite3';
import type { ImportSummary } from '../../../shared/api/import-api.js';
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import { type RunImportParams, runImport } from './run-import.js';

export interface ImportJobParams extends RunImportParams {
  projectPath: string;
}

/** Opens a project connection tuned for one bulk write. */
export function openImportConnection(projectPath: string): Database.Database {
  const db = new Database(projectPath, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit is durable once the WAL is synced at checkpoint; a power cut can
  // lose the last commit but never corrupt the file, and the import is one commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  // 16 MB of page cache: records and their one index (records_import) are appended in key order,
  // so pages that spill to the WAL mid-import are finished and never rewritten, and spilling while
  // the reader thread validates leaves less to write at COMMIT (1 GB, which kept every page until
  // COMMIT, measured ~0.6 s slower for a million rows; 16 MB against 64 MB: the same CPU time and
  // ~55 MB less peak RSS for a million police.uk rows, toward issue 15's 300 MB bound).
  db.pragma('cache_size = -16384');
  return db;
}

export async function importJob(params: ImportJobParams, progress: ProgressFn): Promise<ImportSummary> {
  const db = openImportConnection(params.projectPath);
  try {
    return await runImport(db, params, progress);
  } finally {
    db.close();
  }
}
