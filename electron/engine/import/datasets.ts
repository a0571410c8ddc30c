/**
 * Datasets and their imports as the analyst sees them: list with counts, date range, precision mix
 * and provenance; delete a dataset; undo its last import; read an import's issues and its rejected
 * rows as CSV. Every change runs in one transaction with its audit entry and bumps the records
 * version (so in-memory caches reload).
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type {
  DatasetInfo,
  ImportInfo,
  PrecisionCounts,
  StoredIssue,
} from '../../../shared/api/import-api.js';
import { parseMapping } from '../../../shared/import/mapping.js';
import { TIME_PRECISIONS } from '../../../shared/model/time.js';
import { appendAudit } from '../project/audit.js';
import { bumpRecordsVersion } from './records-version.js';
import { type RejectedRow, rejectedRowsCsv } from './rejected-csv.js';

/**
 * SQL condition for the records of dataset `?`: found through its imports (index records_import),
 * since records carry no index on dataset_id (migration 2).
 */
export const RECORDS_OF_DATASET = 'import_id IN (SELECT id FROM imports WHERE dataset_id = ?)';

interface ImportRow {
  id: number;
  dataset_id: number;
  file_name: string;
  file_size: number;
  sha256: string;
  mapping_json: string;
  source_crs: string | null;
  rows_read: number;
  rows_accepted: number;
  rows_warned: number;
  rows_rejected: number;
  pii_json: string | null;
  started_at: string;
  finished_at: string;
  records: number;
}

function importInfo(row: ImportRow): ImportInfo {
  const pii = row.pii_json
    ? (JSON.parse(row.pii_json) as { excluded: string[]; overrides: { column: string; reason: string }[] })
    : { excluded: [], overrides: [] };
  return {
    id: row.id,
    datasetId: row.dataset_id,
    fileName: row.file_name,
    fileSize: row.file_size,
    sha256: row.sha256,
    mapping: parseMapping(row.mapping_json),
    sourceCrs: row.source_crs,
    rowsRead: row.rows_read,
    rowsAccepted: row.rows_accepted,
    rowsWarned: row.rows_warned,
    rowsRejected: row.rows_rejected,
    records: row.records,
    pii: {
      excluded: pii.excluded,
      overridden: pii.overrides.map(({ column, reason }) => ({ column, reason })),
    },
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function listImports(db: Database.Database, datasetId?: number): ImportInfo[] {
  const rows = db
    .prepare(
      `SELECT i.*, (SELECT COUNT(*) FROM records r WHERE r.import_id = i.id) AS records
       FROM imports i WHERE (? IS NULL OR i.dataset_id = ?) ORDER BY i.id`,
    )
    .all(datasetId ?? null, datasetId ?? null) as ImportRow[];
  return rows.map(importInfo);
}

export function listDatasets(db: Database.Database): DatasetInfo[] {
  const datasets = db.prepare('SELECT id, name, geometry, created_at FROM datasets ORDER BY name').all() as {
    id: number;
    name: string;
    geometry: 'points' | 'areas';
    created_at: string;
  }[];
  const stats = db.prepare(
    `SELECT COUNT(*) AS n, MIN(from_ms) AS fromMs, MAX(to_ms) AS toMs, COUNT(DISTINCT category) AS categories
     FROM records WHERE ${RECORDS_OF_DATASET}`,
  );
  const precisions = db.prepare(
    `SELECT precision, COUNT(*) AS n FROM records WHERE ${RECORDS_OF_DATASET} GROUP BY precision`,
  );
  const imports = listImports(db);
  return datasets.map((d) => {
    const s = stats.get(d.id) as {
      n: number;
      fromMs: number | null;
      toMs: number | null;
      categories: number;
    };
    const precision: PrecisionCounts = { exact: 0, window: 0, date: 0, month: 0 };
    for (const p of precisions.all(d.id) as { precision: number; n: number }[]) {
      const name = TIME_PRECISIONS[p.precision];
      if (name) precision[name] = p.n;
    }
    return {
      id: d.id,
      name: d.name,
      geometry: d.geometry,
      createdAt: d.created_at,
      records: s.n,
      dateRange: s.fromMs === null || s.toMs === null ? null : { fromMs: s.fromMs, toMs: s.toMs },
      precision,
      categories: s.categories,
      imports: imports.filter((i) => i.datasetId === d.id),
    };
  });
}

function datasetName(db: Database.Database, datasetId: number): string {
  const row = db.prepare('SELECT name FROM datasets WHERE id = ?').get(datasetId) as
    | { name: string }
    | undefined;
  if (!row) throw new ApiError('not-found', `There is no dataset with id ${datasetId}`);
  return row.name;
}

/** Deletes a dataset with its imports, records and issues (cascades) and writes the audit entry. */
export function deleteDataset(db: Database.Database, datasetId: number): { deletedRecords: number } {
  return db
    .transaction(() => {
      const name = datasetName(db, datasetId);
      const deletedRecords = db
        .prepare(`DELETE FROM records WHERE ${RECORDS_OF_DATASET}`)
        .run(datasetId).changes;
      db.prepare('DELETE FROM datasets WHERE id = ?').run(datasetId);
      appendAudit(db, 'delete-dataset', { datasetId, dataset: name, deletedRecords });
      bumpRecordsVersion(db);
      return { deletedRecords };
    })
    .immediate();
}

/** Removes the dataset's most recent import (its records, issues and row); the dataset stays. */
export function undoLastImport(
  db: Database.Database,
  datasetId: number,
): { importId: number; deletedRecords: number } {
  return db
    .transaction(() => {
      const name = datasetName(db, datasetId);
      const last = db
        .prepare('SELECT id, file_name, sha256 FROM imports WHERE dataset_id = ? ORDER BY id DESC LIMIT 1')
        .get(datasetId) as { id: number; file_name: string; sha256: string } | undefined;
      if (!last) throw new ApiError('not-found', `Dataset "${name}" has no import to undo`);
      const deletedRecords = db.prepare('DELETE FROM records WHERE import_id = ?').run(last.id).changes;
      db.prepare('DELETE FROM imports WHERE id = ?').run(last.id);
      appendAudit(db, 'undo-import', {
        importId: last.id,
        datasetId,
        dataset: name,
        fileName: last.file_name,
        sha256: last.sha256,
        deletedRecords,
      });
      bumpRecordsVersion(db);
      return { importId: last.id, deletedRecords };
    })
    .immediate();
}

interface IssueRow {
  row_number: number;
  column_name: string | null;
  value: string | null;
  severity: 'warning' | 'rejected';
  reason: string;
  raw_row: string | null;
}

function requireImport(db: Database.Database, importId: number): { file_name: string; headers_json: string } {
  const row = db.prepare('SELECT file_name, headers_json FROM imports WHERE id = ?').get(importId) as
    | { file_name: string; headers_json: string }
    | undefined;
  if (!row) throw new ApiError('not-found', `There is no import with id ${importId}`);
  return row;
}

export function getImportIssues(
  db: Database.Database,
  query: { importId: number; severity?: 'warning' | 'rejected'; limit: number; offset: number },
): { total: number; issues: StoredIssue[] } {
  requireImport(db, query.importId);
  const severity = query.severity ?? null;
  const total = (
    db
      .prepare('SELECT COUNT(*) AS n FROM import_issues WHERE import_id = ? AND (? IS NULL OR severity = ?)')
      .get(query.importId, severity, severity) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT row_number, column_name, value, severity, reason, raw_row FROM import_issues
       WHERE import_id = ? AND (? IS NULL OR severity = ?) ORDER BY id LIMIT ? OFFSET ?`,
    )
    .all(query.importId, severity, severity, query.limit, query.offset) as IssueRow[];
  return {
    total,
    issues: rows.map((r) => ({
      rowNumber: r.row_number,
      column: r.column_name,
      value: r.value,
      severity: r.severity,
      reason: r.reason,
      cells: r.raw_row ? (JSON.parse(r.raw_row) as string[]) : null,
    })),
  };
}

/** The import's rejected rows as spreadsheet-safe CSV (original cells + reasons). */
export function exportRejectedRows(
  db: Database.Database,
  importId: number,
): { fileName: string; csv: string; rows: number } {
  const imp = requireImport(db, importId);
  const headers = JSON.parse(imp.headers_json) as string[];
  const rows = new Map<number, RejectedRow & { issues: { column: string | null; reason: string }[] }>();
  const issues = db
    .prepare(
      `SELECT row_number, column_name, reason, raw_row FROM import_issues
       WHERE import_id = ? AND severity = 'rejected' ORDER BY row_number, id`,
    )
    .iterate(importId) as Iterable<IssueRow>;
  for (const issue of issues) {
    let row = rows.get(issue.row_number);
    if (!row) {
      row = { rowNumber: issue.row_number, cells: [], issues: [] };
      rows.set(issue.row_number, row);
    }
    if (issue.raw_row) row.cells = JSON.parse(issue.raw_row) as string[];
    row.issues.push({ column: issue.column_name, reason: issue.reason });
  }
  const base = imp.file_name.replace(/\.[^.]*$/, '');
  return { fileName: `${base}-rejected.csv`, csv: rejectedRowsCsv(headers, rows.values()), rows: rows.size };
}
