/**
 * The validating half of an import (issue 4, DESIGN.md §2–§5): every row of the table through the
 * row validator (shared/import/validate.ts: dates, coordinates to the project CRS, repeats within
 * the file), references already in the dataset rejected, the validation summary accumulated, and
 * accepted records with their issues handed on in batches (record-batch.ts) for storing. It touches
 * no database, so it runs in the import's own thread for small files and in a thread of its own
 * beside the writer for large ones (run-import.ts, read-job.ts).
 */
import { ApiError } from '../../../shared/api/errors.js';
import type { ColumnMapping } from '../../../shared/import/mapping.js';
import type { RowIssue } from '../../../shared/import/normalized.js';
import { createRowValidator } from '../../../shared/import/validate.js';
import type { RowValidator, RowValidatorOptions } from '../../../shared/import/validate-types.js';
import { AttrEncoder } from './attr-encoder.js';
import type { TableRow } from './readers/table.js';
import { type RecordBatch, RecordBatchBuilder } from './record-batch.js';
import { SummaryBuilder, type SummaryCounts } from './summary-builder.js';

/**
 * Records per batch: large enough that handing a batch on costs little per row, small enough that
 * the batch being filled (its strings alive until it is sent) adds little to what each scavenge
 * copies (1,024 against 4,096 measured about half the reader's GC time for a million rows).
 */
export const BATCH_RECORDS = 1024;

export interface CheckRowsParams {
  headers: readonly string[];
  /** The mapping with the PII guard's exclusions applied. */
  mapping: ColumnMapping;
  validatorOptions: RowValidatorOptions;
  dataset: string;
  /** References already in the dataset: a row repeating one is rejected. */
  knownReferences: ReadonlySet<string>;
}

export interface CheckRowsResult {
  counts: SummaryCounts;
  /** Keys of the records' attribute arrays (AttrEncoder). */
  attrKeys: string[];
}

/** The row validator, its set-up errors (an unknown CRS, a mapping that does not fit) as refusals. */
export function validatorFor(
  mapping: ColumnMapping,
  headers: readonly string[],
  options: RowValidatorOptions,
): RowValidator {
  try {
    return createRowValidator(mapping, headers, options);
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('refused', error.message);
    throw error;
  }
}

/**
 * Validates every row of `batches`, handing accepted records and all issues to `onBatch` (awaited,
 * so a slow consumer holds the reading back) and the running count of rows read to `onRows`.
 */
export async function checkRows(
  batches: AsyncIterable<readonly TableRow[]>,
  params: CheckRowsParams,
  onBatch: (batch: RecordBatch) => void | Promise<void>,
  onRows: (rowsRead: number) => void = () => {},
): Promise<CheckRowsResult> {
  const { headers, mapping, dataset, knownReferences } = params;
  const validate = validatorFor(mapping, headers, params.validatorOptions);
  const summary = new SummaryBuilder(headers, mapping);
  const attrs = new AttrEncoder();
  const batch = new RecordBatchBuilder(BATCH_RECORDS);
  const referenceColumn = mapping.fields.reference ?? null;
  // A new dataset has none: skip hashing every reference for an empty set.
  const anyKnown = knownReferences.size > 0;

  for await (const rows of batches) {
    for (const { rowNumber, cells } of rows) {
      summary.observeCells(cells);
      const outcome = validate(cells, rowNumber);
      if (outcome.status === 'rejected') {
        summary.rejected(outcome.issues);
        batch.addIssues(outcome.issues, cells);
        continue;
      }
      const record = outcome.record;
      if (anyKnown && record.reference !== null && knownReferences.has(record.reference)) {
        const issue: RowIssue = {
          rowNumber,
          column: referenceColumn,
          value: record.reference,
          severity: 'rejected',
          reason: `reference ${record.reference} is already in dataset "${dataset}"`,
        };
        summary.rejected([issue], true);
        batch.addIssues([issue], cells);
        continue;
      }
      summary.accepted(record, outcome.issues);
      batch.addIssues(outcome.issues, null);
      batch.add(record, attrs.encode(record.attrs));
      if (batch.size === BATCH_RECORDS) await onBatch(batch.take());
    }
    onRows(summary.counts.rowsRead);
  }
  if (!batch.empty) await onBatch(batch.take());
  return { counts: summary.finish(), attrKeys: attrs.keys };
}
