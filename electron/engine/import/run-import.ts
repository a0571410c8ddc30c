/**
 * One import, end to end (issue 4, DESIGN.md §2–§5):
 *
 *   1. hash the file (SHA-256); the same file already imported into the same dataset is refused,
 *      naming the earlier import and its date, unless `allowDuplicateFile`;
 *   2. open the table (readers/), check the mapping against its headers, read a sample and run the
 *      PII guard: an identifying column must be excluded or overridden with a reason;
 *   3. stream every row through the validator (check-rows.ts: dates, coordinates to the project CRS,
 *      repeats within the file, references already in the dataset), in this thread for small files
 *      and, for large CSV files, on a reader thread of its own while this one writes (read-job.ts);
 *      that thread starts once the sample is checked, so it validates while this one hashes, and
 *      its batches wait until the write lock is taken. Refusals keep the order above: a refusal
 *      of step 2 is raised after the duplicate-file check of step 1;
 *   4. write records, issues, the imports row with provenance and the audit entries
 *      (import-transaction.ts).
 *
 * Atomicity: step 4 happens inside ONE transaction (BEGIN IMMEDIATE … COMMIT) on the connection
 * given, opened before the first row is written. Any refusal, read error or exception rolls it back;
 * a cancel terminates the worker thread that owns the connection, and SQLite discards the
 * uncommitted transaction (its WAL frames never got a commit record). Either way the project is
 * left exactly as it was. A dry run performs steps 1–3 and writes nothing.
 *
 * Nothing accepted → nothing is written, and the summary says so (importId null).
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type { ImportSummary, TableOptions } from '../../../shared/api/import-api.js';
import { robustExtent } from '../../../shared/crs/extent.js';
import { type ColumnMapping, locationShapeOf, mappingProblems } from '../../../shared/import/mapping.js';
import { detectPii, resolvePii } from '../../../shared/import/pii.js';
import { piiSampleCells, relevantPiiFindings } from '../../../shared/import/pii-sample.js';
import type { PiiDecision } from '../../../shared/import/pii-types.js';
import type { RowValidatorOptions } from '../../../shared/import/validate-types.js';
import { noProgress, type ProgressFn } from '../../../shared/jobs/progress.js';
import type { CanonicalField } from '../../../shared/model/records.js';
import { type CheckRowsParams, type CheckRowsResult, checkRows, validatorFor } from './check-rows.js';
import { RECORDS_OF_DATASET } from './datasets.js';
import { ImportTransaction } from './import-transaction.js';
import { ReaderThread } from './read-job.js';
import { openTable } from './readers/open-table.js';
import type { OpenedTable, OpenTableOptions, TableRow } from './readers/table.js';
import { asImportRefusal } from './readers/table.js';
import type { RecordBatch } from './record-batch.js';
import { sha256File } from './sha256-file.js';
import { summaryMessage } from './summary-builder.js';

/** Rows read before the PII guard decides (content detection needs a sample). */
export const PII_SAMPLE_ROWS = 1_000;

/**
 * CSV files from this size are read and validated on a thread of their own while this one writes
 * (read-job.ts); below it, starting a thread costs more than the overlap saves.
 */
export const READER_THREAD_MIN_BYTES = 16 * 2 ** 20;

export interface RunImportParams {
  filePath: string;
  /** The name the analyst knows the file by (provenance); defaults to the path's last part. */
  fileName?: string;
  table?: TableOptions;
  dataset: string;
  mapping: ColumnMapping;
  /** The project's projected CRS, e.g. 'EPSG:27700'. */
  projectCrs: string;
  pii: PiiDecision[];
  dryRun?: boolean;
  allowDuplicateFile?: boolean;
  /** The import's "now" (wall-clock epoch ms); later dates are rejected. Default: the clock. */
  nowMs?: number;
  /** Read on a thread of its own: default for CSV files of READER_THREAD_MIN_BYTES or more. */
  readerThread?: boolean;
}

function refused(message: string): ApiError {
  return new ApiError('refused', message);
}

function nowWallClockMs(): number {
  const now = new Date();
  return now.getTime() - now.getTimezoneOffset() * 60_000;
}

/** Pulls up to `n` rows from the table's batches, returning them and the iterator to continue. */
async function readSample(
  table: OpenedTable,
  n: number,
): Promise<{ sample: TableRow[]; rest: AsyncIterator<TableRow[]> }> {
  const rest = table.batches[Symbol.asyncIterator]();
  const sample: TableRow[] = [];
  while (sample.length < n) {
    const next = await rest.next();
    if (next.done) break;
    for (const row of next.value) sample.push(row);
  }
  return { sample, rest };
}

function findExistingDataset(db: Database.Database, name: string) {
  return db.prepare('SELECT id, geometry FROM datasets WHERE name = ?').get(name) as
    | { id: number; geometry: 'points' | 'areas' }
    | undefined;
}

function refuseDuplicateFile(
  db: Database.Database,
  datasetId: number,
  dataset: string,
  sha256: string,
): void {
  const earlier = db
    .prepare(
      'SELECT id, file_name, finished_at FROM imports WHERE dataset_id = ? AND sha256 = ? ORDER BY id LIMIT 1',
    )
    .get(datasetId, sha256) as { id: number; file_name: string; finished_at: string } | undefined;
  if (earlier) {
    throw refused(
      `This file was already imported into "${dataset}" as import #${earlier.id} ("${earlier.file_name}") on ` +
        `${earlier.finished_at.slice(0, 10)}; undo that import first, or allow importing the same file again`,
    );
  }
}

/** The sample's rows, then the rest of the table's batches. */
async function* batchesOf(
  sample: readonly TableRow[],
  rest: AsyncIterator<TableRow[]>,
): AsyncGenerator<readonly TableRow[]> {
  yield sample;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** The options that reopen the table exactly as it was read: detection already made its choices. */
function resolvedTableOptions(table: OpenedTable, given: TableOptions = {}): OpenTableOptions {
  const { format, encoding, delimiter, sheet } = table.info;
  return {
    ...given,
    format,
    encoding,
    ...(delimiter ? { delimiter } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
  };
}

/** Estimated data rows in the file, from the size and the sample's average row length. */
function estimateRows(sizeBytes: number, sample: readonly TableRow[]): number {
  if (sample.length === 0) return 0;
  let chars = 0;
  for (const row of sample) for (const cell of row.cells) chars += cell.length + 1;
  return Math.max(sample.length, Math.round(sizeBytes / Math.max(1, chars / sample.length)));
}

/** What reading the rows needs, decided from the headers and the sample (the PII guard, the extent). */
interface Prepared {
  geometry: 'points' | 'areas';
  /** The mapping with the PII guard's exclusions applied. */
  mapping: ColumnMapping;
  resolution: Extract<ReturnType<typeof resolvePii>, { ok: true }>;
  check: CheckRowsParams;
  sample: TableRow[];
  rest: AsyncIterator<TableRow[]>;
}

/**
 * Checks the mapping against the headers and the dataset, reads the sample and runs the PII guard,
 * and builds the validator's parameters (the sample's extent, the dataset's references). Throws the
 * refusal when the file cannot be imported as mapped.
 */
async function prepareRows(
  db: Database.Database,
  table: OpenedTable,
  params: RunImportParams,
  dataset: string,
  existing: { id: number; geometry: 'points' | 'areas' } | undefined,
): Promise<Prepared> {
  const headers = table.headers;
  const problems = mappingProblems(params.mapping, headers);
  if (problems.length > 0) throw refused(`The column mapping cannot be used: ${problems.join('; ')}`);
  const geometry = locationShapeOf(params.mapping) === 'area' ? 'areas' : 'points';
  if (existing && existing.geometry !== geometry) {
    throw refused(
      `Dataset "${dataset}" holds ${existing.geometry === 'points' ? 'point' : 'area-only'} records; ` +
        `this mapping gives ${geometry === 'points' ? 'points' : 'area codes'}: import it into another dataset`,
    );
  }

  const { sample, rest } = await readSample(table, PII_SAMPLE_ROWS);
  const resolution = resolvePii(
    relevantPiiFindings(
      detectPii(
        headers,
        sample.map((row) => piiSampleCells(row.cells)),
      ),
      params.mapping,
    ),
    params.pii,
  );
  if (!resolution.ok) {
    throw refused(`Personal data found: ${resolution.problems.join('; ')}`);
  }
  for (const column of resolution.excluded) {
    const field = (Object.keys(params.mapping.fields) as CanonicalField[]).find(
      (f) => params.mapping.fields[f] === column,
    );
    if (field) {
      throw refused(
        `"${column}" is mapped to ${field} and excluded as personal data: unmap it, or keep it with a reason`,
      );
    }
  }
  const mapping: ColumnMapping = {
    ...params.mapping,
    excluded: [...new Set([...params.mapping.excluded, ...resolution.excluded])],
  };

  const validatorOptions: RowValidatorOptions = {
    nowMs: params.nowMs ?? nowWallClockMs(),
    projectCrs: params.projectCrs,
  };
  if (geometry === 'points') {
    // Where the data is expected: the robust extent of the sample, so a stray point (0,0) warns.
    const probe = validatorFor(mapping, headers, validatorOptions);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const row of sample) {
      const outcome = probe(row.cells, row.rowNumber);
      if (outcome.record && outcome.record.x !== null && outcome.record.y !== null) {
        xs.push(outcome.record.x);
        ys.push(outcome.record.y);
      }
    }
    validatorOptions.expectedExtent = robustExtent(xs, ys);
  }
  const referenceColumn = mapping.fields.reference ?? null;
  const knownReferences = new Set<string>();
  if (existing && referenceColumn) {
    const refs = db
      .prepare(`SELECT reference FROM records WHERE ${RECORDS_OF_DATASET} AND reference IS NOT NULL`)
      .pluck()
      .iterate(existing.id);
    for (const ref of refs) knownReferences.add(ref as string);
  }
  const check: CheckRowsParams = { headers, mapping, validatorOptions, dataset, knownReferences };

  return { geometry, mapping, resolution, check, sample, rest };
}

export async function runImport(
  db: Database.Database,
  params: RunImportParams,
  progress: ProgressFn = noProgress,
): Promise<ImportSummary> {
  const startedMs = Date.now();
  const startedAt = new Date(startedMs).toISOString();
  const dryRun = params.dryRun ?? false;
  const dataset = params.dataset.trim();
  if (dataset === '') throw new RangeError('dataset name must not be empty');
  const fileName = params.fileName ?? params.filePath.split(/[\\/]/).pop()!;

  let table: OpenedTable;
  try {
    table = await openTable(params.filePath, params.table ?? {});
  } catch (error) {
    throw asImportRefusal(error);
  }
  let transaction: ImportTransaction | null = null;
  const fileSize = table.info.sizeBytes;
  const useThread =
    params.readerThread ?? (table.info.format === 'csv' && fileSize >= READER_THREAD_MIN_BYTES);
  // Started now, so the thread has loaded the engine by the time sampling is done.
  const reader = useThread ? new ReaderThread() : null;
  /** Lets the reader's batches be written: resolved once the write lock is held (or for a dry run). */
  let openWriting: () => void = () => {};
  let refuseWriting: (reason: unknown) => void = () => {};
  const writable = new Promise<void>((resolve, reject) => {
    openWriting = resolve;
    refuseWriting = reject;
  });
  writable.catch(() => {}); // a refusal before writing: the reader (if any) sees it
  let hashed = false;
  const estimate = { rows: 0 };
  const reportRows = (read: number) => {
    if (hashed) {
      progress(read, Math.max(read, estimate.rows), `Importing: ${read.toLocaleString('en-GB')} rows read`);
    }
  };
  try {
    const existing = findExistingDataset(db, dataset);
    // Everything up to reading the rows, before the hash, so that a reader thread validates while
    // this one hashes; a refusal found here is raised after the duplicate-file check, as before.
    let prepared: Prepared | null = null;
    let refusal: unknown = null;
    try {
      prepared = await prepareRows(db, table, params, dataset, existing);
    } catch (error) {
      refusal = error;
    }
    if (prepared) estimate.rows = estimateRows(fileSize, prepared.sample);
    let reading: Promise<CheckRowsResult> | null = null;
    if (prepared && reader) {
      await table.close();
      reading = reader.read(
        {
          filePath: params.filePath,
          table: resolvedTableOptions(table, params.table),
          check: prepared.check,
        },
        (batch) => transaction?.store(batch),
        reportRows,
        writable,
      );
      // Observed below once writing starts; a refusal before then stops it (refuseWriting).
      reading.catch(() => {});
    }

    const sha256 = await sha256File(params.filePath, progress, fileSize);
    hashed = true;
    if (existing && !params.allowDuplicateFile) refuseDuplicateFile(db, existing.id, dataset, sha256);
    if (refusal !== null || !prepared) throw refusal;
    const { geometry, mapping, resolution, check, sample, rest } = prepared;

    transaction = dryRun
      ? null
      : ImportTransaction.begin(db, {
          dataset,
          existingDatasetId: existing?.id ?? null,
          geometry,
          fileName,
          fileSize,
          sha256,
          mapping,
          headers: table.headers,
          startedAt,
        });
    openWriting();
    const store = (batch: RecordBatch) => transaction?.store(batch);
    const checked = reading
      ? await reading
      : await checkRows(batchesOf(sample, rest), check, store, reportRows);

    const { counts, attrKeys } = checked;
    const accepted = counts.rowsAccepted;
    // Nothing accepted: nothing is written, not even the dataset or the imports row.
    const kept = accepted > 0 ? transaction : null;
    if (!kept) transaction?.rollback();
    const result: ImportSummary = {
      dryRun,
      importId: kept?.importId ?? null,
      datasetId: kept?.datasetId ?? existing?.id ?? null,
      dataset,
      fileName,
      fileSize,
      sha256,
      sourceCrs: mapping.sourceCrs,
      ...counts,
      geometry,
      pii: {
        excluded: resolution.excluded,
        overridden: resolution.overrides.map(({ column, reason }) => ({ column, reason })),
      },
      message: summaryMessage(
        dryRun,
        dataset,
        counts.rowsRead,
        accepted,
        counts.rowsWarned,
        counts.rowsRejected,
      ),
      durationMs: 0,
    };
    kept?.commit(result, attrKeys, resolution.overrides);
    result.durationMs = Date.now() - startedMs;
    return result;
  } catch (error) {
    refuseWriting(error);
    transaction?.rollback();
    throw asImportRefusal(error);
  } finally {
    await table.close();
    await reader?.close();
  }
}
