/**
 * "Compact project" (issue 14 item 6): prunes the analysis cache to the latest result of each kind
 * and those saved profiles were built from (analysis-cache.ts), then VACUUMs, so the space of the
 * stored grids goes back to the disk. Recorded in the audit log. The Api method and `hotspot compact`
 * both call this.
 */
import { existsSync, statSync } from 'node:fs';
import type { CompactResult } from '../../../shared/api/project-api.js';
import { pruneAnalyses } from '../analysis-cache.js';
import { appendAudit } from './audit.js';
import type { OpenProject } from './open-project.js';

/** The project's bytes on disk: the file and its write-ahead log. */
function bytesOnDisk(path: string): number {
  const wal = `${path}-wal`;
  return statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0);
}

export function compactProject(project: Pick<OpenProject, 'db' | 'path'>): CompactResult {
  const { db, path } = project;
  const bytesBefore = bytesOnDisk(path);
  const { removed, kept } = pruneAnalyses(db);
  appendAudit(db, 'compact', { analysesRemoved: removed, analysesKept: kept, bytesBefore });
  // VACUUM rewrites the file through the WAL; the checkpoints fold the WAL back so the size is real.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const bytesAfter = bytesOnDisk(path);
  return { analysesRemoved: removed, analysesKept: kept, bytesBefore, bytesAfter };
}

/** "Removed 12 stored analyses; 3 kept. 41.2 MB → 6.3 MB." */
export function compactMessage(result: CompactResult): string {
  const mb = (bytes: number) =>
    `${(bytes / 2 ** 20).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
  const noun = (n: number) => (n === 1 ? 'stored analysis' : 'stored analyses');
  return (
    `Removed ${result.analysesRemoved.toLocaleString('en-GB')} ${noun(result.analysesRemoved)}; ` +
    `${result.analysesKept.toLocaleString('en-GB')} kept (the latest of each kind and those of saved profiles). ` +
    `${mb(result.bytesBefore)} → ${mb(result.bytesAfter)}.`
  );
}
