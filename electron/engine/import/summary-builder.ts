/**
 * Accumulates the validation summary of one import as rows stream past: counts by outcome and
 * severity, the first issues in row order, precision mix, date span and a summary per source
 * column. Everything is O(1) per cell; distinct values are counted only up to COLUMN_DISTINCT_CAP
 * per column so a million unique references cost no more than a thousand.
 */
import {
  COLUMN_DISTINCT_CAP,
  type ColumnSummary,
  type PrecisionCounts,
  SUMMARY_FIRST_ISSUES,
} from '../../../shared/api/import-api.js';
import type { ColumnMapping } from '../../../shared/import/mapping.js';
import type { NormalizedRecord, RowIssue } from '../../../shared/import/normalized.js';
import type { CanonicalField } from '../../../shared/model/records.js';

const EXAMPLES = 3;

export interface SummaryCounts {
  rowsRead: number;
  rowsAccepted: number;
  rowsWarned: number;
  rowsRejected: number;
  rowsDuplicate: number;
  issueCounts: { warning: number; rejected: number };
  firstIssues: RowIssue[];
  columns: ColumnSummary[];
  precision: PrecisionCounts;
  dateRange: { fromMs: number; toMs: number } | null;
}

export class SummaryBuilder {
  readonly counts: SummaryCounts;
  private readonly distinct: Set<string>[];
  /** Each column's value in the previous row: a repeat skips the set (hashing a fresh string). */
  private readonly previous: string[];
  private readonly columnIndex = new Map<string, number>();
  /** 1 while a column's distinct values are tracked; 0 when excluded or past the cap. */
  private readonly tracking: Uint8Array;
  private minMs = Number.POSITIVE_INFINITY;
  private maxMs = Number.NEGATIVE_INFINITY;

  constructor(headers: readonly string[], mapping: ColumnMapping) {
    const fieldOf = new Map<string, CanonicalField>();
    for (const [field, column] of Object.entries(mapping.fields) as [CanonicalField, string][]) {
      if (column) fieldOf.set(column, field);
    }
    const excluded = new Set(mapping.excluded);
    const columns: ColumnSummary[] = headers.map((column, i) => {
      this.columnIndex.set(column, i);
      const field = fieldOf.get(column) ?? null;
      return {
        column,
        field,
        use: field ? 'mapped' : excluded.has(column) ? 'excluded' : 'attribute',
        nonEmpty: 0,
        empty: 0,
        distinct: 0,
        distinctCapped: false,
        examples: [],
        warnings: 0,
        rejected: 0,
      };
    });
    this.distinct = headers.map(() => new Set<string>());
    this.previous = headers.map(() => '');
    // Excluded columns are counted but never sampled: they may hold personal data.
    this.tracking = Uint8Array.from(columns, (c) => (c.use === 'excluded' ? 0 : 1));
    this.counts = {
      rowsRead: 0,
      rowsAccepted: 0,
      rowsWarned: 0,
      rowsRejected: 0,
      rowsDuplicate: 0,
      issueCounts: { warning: 0, rejected: 0 },
      firstIssues: [],
      columns,
      precision: { exact: 0, window: 0, date: 0, month: 0 },
      dateRange: null,
    };
  }

  /** Counts the cells of one row (every row, whatever its outcome). Hot: one pass, no allocation. */
  observeCells(cells: readonly string[]): void {
    const columns = this.counts.columns;
    const tracking = this.tracking;
    for (let i = 0; i < columns.length; i++) {
      const cell = cells[i];
      const summary = columns[i]!;
      if (cell === undefined || cell.length === 0 || (cell.charCodeAt(0) <= 32 && cell.trim() === '')) {
        summary.empty++;
        continue;
      }
      summary.nonEmpty++;
      if (tracking[i] === 0 || cell === this.previous[i]) continue;
      this.previous[i] = cell;
      const seen = this.distinct[i]!;
      if (seen.has(cell)) continue;
      if (seen.size >= COLUMN_DISTINCT_CAP) {
        // Past the cap the column stops being tracked: a million unique references cost nothing more.
        summary.distinctCapped = true;
        tracking[i] = 0;
        continue;
      }
      seen.add(cell);
      if (summary.examples.length < EXAMPLES) summary.examples.push(cell.slice(0, 200));
    }
  }

  accepted(record: NormalizedRecord, warnings: readonly RowIssue[]): void {
    this.counts.rowsRead++;
    this.counts.rowsAccepted++;
    if (warnings.length > 0) this.counts.rowsWarned++;
    this.counts.precision[record.precision]++;
    if (record.fromMs < this.minMs) this.minMs = record.fromMs;
    if (record.toMs > this.maxMs) this.maxMs = record.toMs;
    for (const issue of warnings) this.issue(issue);
  }

  rejected(issues: readonly RowIssue[], duplicate = false): void {
    this.counts.rowsRead++;
    this.counts.rowsRejected++;
    if (duplicate) this.counts.rowsDuplicate++;
    for (const issue of issues) this.issue(issue);
  }

  private issue(issue: RowIssue): void {
    this.counts.issueCounts[issue.severity]++;
    if (this.counts.firstIssues.length < SUMMARY_FIRST_ISSUES) this.counts.firstIssues.push(issue);
    const index = issue.column === null ? undefined : this.columnIndex.get(issue.column);
    if (index !== undefined) {
      const column = this.counts.columns[index]!;
      if (issue.severity === 'warning') column.warnings++;
      else column.rejected++;
    }
  }

  finish(): SummaryCounts {
    for (let i = 0; i < this.distinct.length; i++) this.counts.columns[i]!.distinct = this.distinct[i]!.size;
    this.counts.dateRange = this.counts.rowsAccepted > 0 ? { fromMs: this.minMs, toMs: this.maxMs } : null;
    return this.counts;
  }
}

/** The one-line outcome of an import (or a dry run) shown to the analyst and printed by the CLI. */
function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

export function summaryMessage(
  dryRun: boolean,
  dataset: string,
  read: number,
  accepted: number,
  warned: number,
  rejected: number,
): string {
  if (read === 0) return 'Nothing imported: the file has no data rows';
  if (accepted === 0) {
    return `Nothing imported: all ${formatCount(read)} rows were rejected (see the issues for why)`;
  }
  const verb = dryRun ? 'Would import' : 'Imported';
  const details = [
    rejected > 0 ? `${formatCount(rejected)} rejected` : null,
    warned > 0 ? `${formatCount(warned)} with warnings` : null,
  ].filter(Boolean);
  return `${verb} ${formatCount(accepted)} of ${formatCount(read)} rows into "${dataset}"${details.length ? ` (${details.join(', ')})` : ''}`;
}
