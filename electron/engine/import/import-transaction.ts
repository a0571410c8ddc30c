/**
 * The writing half of an import (DESIGN.md §5 "Store"): ONE transaction (BEGIN IMMEDIATE … COMMIT)
 * on the import's own connection, holding the dataset row (when the dataset is new), the imports row
 * with provenance, the records (record-writer.ts), the warnings and
 * rejections, the audit entries and the records-version bump. Until `commit`, nothing is visible to
 * other connections; a rollback, an exception or a terminated thread leaves the file as it was.
 */
import type Database from 'better-sqlite3';
import type { ImportSummary } from '../../../shared/api/import-api.js';
import { type ColumnMapping, serializeMapping } from '../../../shared/import/mapping.js';
import type { PiiResolution } from '../../../shared/import/pii-types.js';
import { appendAudit } from '../project/audit.js';
import type { RecordBatch } from './record-batch.js';
import { createRecordWriter, type RecordWriter } from './record-writer.js';
import { bumpRecordsVersion } from './records-version.js';

/** Where the records come from, as the imports row records it. */
export interface ImportSource {
  dataset: string;
  /** The dataset's id when it exists already; otherwise it is created. */
  existingDatasetId: number | null;
  geometry: 'points' | 'areas';
  fileName: string;
  fileSize: number;
  sha256: string;
  mapping: ColumnMapping;
  headers: readonly string[];
  startedAt: string;
}

type PiiOverrides = Extract<PiiResolution, { ok: true }>['overrides'];

export class ImportTransaction {
  private open = true;
  private readonly writer: RecordWriter;
  private readonly insertIssue: Database.Statement;

  private constructor(
    private readonly db: Database.Database,
    private readonly source: ImportSource,
    readonly datasetId: number,
    readonly importId: number,
  ) {
    this.writer = createRecordWriter(db, datasetId, importId);
    this.insertIssue = db.prepare(
      `INSERT INTO import_issues (import_id, row_number, column_name, value, severity, reason, raw_row)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Takes the write lock and writes the dataset (if new) and imports rows. */
  static begin(db: Database.Database, source: ImportSource): ImportTransaction {
    db.exec('BEGIN IMMEDIATE');
    try {
      const datasetId =
        source.existingDatasetId ??
        Number(
          db
            .prepare('INSERT INTO datasets (name, geometry, created_at) VALUES (?, ?, ?)')
            .run(source.dataset, source.geometry, source.startedAt).lastInsertRowid,
        );
      const importId = Number(
        db
          .prepare(
            `INSERT INTO imports (dataset_id, file_name, file_size, sha256, mapping_json, source_crs, rows_read,
               rows_accepted, rows_warned, rows_rejected, pii_json, headers_json, started_at, finished_at)
             VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, NULL, ?, ?, ?)`,
          )
          .run(
            datasetId,
            source.fileName,
            source.fileSize,
            source.sha256,
            serializeMapping(source.mapping),
            source.mapping.sourceCrs,
            JSON.stringify(source.headers),
            source.startedAt,
            source.startedAt,
          ).lastInsertRowid,
      );
      return new ImportTransaction(db, source, datasetId, importId);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Writes a batch's issues (values cut to 1,000 characters) and records, in file order. */
  store(batch: RecordBatch): void {
    for (const { issue, rawRow } of batch.issues) {
      this.insertIssue.run(
        this.importId,
        issue.rowNumber,
        issue.column,
        issue.value === null ? null : issue.value.slice(0, 1_000),
        issue.severity,
        issue.reason,
        rawRow,
      );
    }
    this.writer.writeBatch(batch);
  }

  /** Completes the imports row, writes the audit entries and commits. */
  commit(summary: ImportSummary, attrKeys: readonly string[], overrides: PiiOverrides): void {
    const { db, source, importId, datasetId } = this;
    this.writer.flush();
    db.prepare(
      `UPDATE imports SET rows_read = ?, rows_accepted = ?, rows_warned = ?, rows_rejected = ?, pii_json = ?,
         attr_keys_json = ?, summary_json = ?, finished_at = ? WHERE id = ?`,
    ).run(
      summary.rowsRead,
      summary.rowsAccepted,
      summary.rowsWarned,
      summary.rowsRejected,
      JSON.stringify({ excluded: summary.pii.excluded, overrides }),
      JSON.stringify(attrKeys),
      JSON.stringify({ ...summary, firstIssues: undefined }),
      new Date().toISOString(),
      importId,
    );
    const { dataset, fileName, fileSize, sha256 } = source;
    appendAudit(db, 'import', {
      importId,
      datasetId,
      dataset,
      fileName,
      fileSize,
      sha256,
      rowsRead: summary.rowsRead,
      rowsAccepted: summary.rowsAccepted,
      rowsRejected: summary.rowsRejected,
    });
    for (const override of overrides) {
      appendAudit(db, 'pii-override', { importId, dataset, fileName, ...override });
    }
    bumpRecordsVersion(db);
    db.exec('COMMIT');
    this.open = false;
  }

  /** Discards everything written; does nothing after a commit or an earlier rollback. */
  rollback(): void {
    if (!this.open) return;
    this.open = false;
    this.db.exec('ROLLBACK');
  }
}
