/**
 * Writes batches of accepted records (record-batch.ts) into `records`, BATCH_ROWS rows per
 * multi-row INSERT (one prepared statement reused for every full group, another for the tail).
 * The dataset and import ids are the same for every row, so they are written into the statement as
 * literals rather than bound per row, and the record id is SQLite's own (MAX(rowid) + 1, in file
 * order): 14 parameters a row instead of 18. Must run inside the caller's transaction.
 */
import type Database from 'better-sqlite3';
import type { RecordBatch } from './record-batch.js';

/** Rows per INSERT: measured 10–20% faster than 100 (smaller statement program, same round trips saved). */
export const BATCH_ROWS = 25;

/** The columns bound per record, in the order writeBatch fills them. */
const BOUND_COLUMNS = [
  'x',
  'y',
  'lon',
  'lat',
  'area_code',
  'from_ms',
  'to_ms',
  'precision',
  'category',
  'subcategory',
  'weight',
  'location',
  'reference',
  'attrs_json',
] as const;
const RECORD_WIDTH = BOUND_COLUMNS.length;

/** A multi-row INSERT of `rows` records of one dataset and import. */
function insertSql(datasetId: number, importId: number, rows: number): string {
  if (!Number.isSafeInteger(datasetId) || !Number.isSafeInteger(importId)) {
    throw new RangeError('dataset and import ids must be integers');
  }
  const tuple = `(${datasetId},${importId},${BOUND_COLUMNS.map(() => '?').join(',')})`;
  return `INSERT INTO records (dataset_id,import_id,${BOUND_COLUMNS.join(',')}) VALUES ${Array.from({ length: rows }, () => tuple).join(',')}`;
}

export interface RecordWriter {
  writeBatch(batch: RecordBatch): void;
  /** Writes any buffered rows; call once at the end. */
  flush(): void;
  /** Records written so far (flushed or buffered). */
  readonly count: number;
}

/** NaN (an absent coordinate in a batch) as SQL NULL. */
function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

export function createRecordWriter(db: Database.Database, datasetId: number, importId: number): RecordWriter {
  const fullRecords = db.prepare(insertSql(datasetId, importId, BATCH_ROWS));
  const recordParams: unknown[] = new Array(RECORD_WIDTH * BATCH_ROWS);
  let recordRows = 0;
  let written = 0;

  function flushRecords(): void {
    if (recordRows === BATCH_ROWS) fullRecords.run(recordParams);
    else if (recordRows > 0) {
      db.prepare(insertSql(datasetId, importId, recordRows)).run(
        recordParams.slice(0, recordRows * RECORD_WIDTH),
      );
    }
    recordRows = 0;
  }

  return {
    writeBatch(b) {
      for (let i = 0; i < b.size; i++) {
        let o = recordRows * RECORD_WIDTH;
        recordParams[o++] = orNull(b.x[i]!);
        recordParams[o++] = orNull(b.y[i]!);
        recordParams[o++] = orNull(b.lon[i]!);
        recordParams[o++] = orNull(b.lat[i]!);
        recordParams[o++] = b.areaCode[i];
        recordParams[o++] = b.fromMs[i];
        recordParams[o++] = b.toMs[i];
        recordParams[o++] = b.precision[i];
        recordParams[o++] = b.category[i];
        recordParams[o++] = b.subcategory[i];
        recordParams[o++] = b.weight[i];
        recordParams[o++] = b.location[i];
        recordParams[o++] = b.reference[i];
        recordParams[o] = b.attrs[i];
        written++;
        if (++recordRows === BATCH_ROWS) flushRecords();
      }
    },
    flush() {
      flushRecords();
    },
    get count() {
      return written;
    },
  };
}
