/**
 * Types of the row validator (shared/import/validate.ts): one call per data row, turning the text
 * cells of a reader's row into a NormalizedRecord (accepted, perhaps with warnings) or rejecting it
 * with RowIssues that say row, column, value and why.
 */
import type { NormalizedRecord, RowIssue } from './normalized.js';

export interface RowValidatorOptions {
  /** The import's "now" as wall-clock epoch ms (shared/model/time.ts); later dates are rejected. */
  nowMs: number;
  /** The project's projected CRS, e.g. 'EPSG:27700': x/y of every record end up in it. */
  projectCrs: string;
  /** A from/to window longer than this many days is accepted with a warning. Default 31. */
  maxWindowDays?: number;
  /**
   * Where the data is expected, in project CRS metres, e.g. robustExtent() of a preview sample.
   * Points outside are accepted with a warning ("far from the rest of the data"). Points outside
   * the project CRS's area of use are always rejected.
   */
  expectedExtent?: { minX: number; minY: number; maxX: number; maxY: number } | null;
  /** Check for references repeated within the file (default true): the repeat is rejected. */
  rejectDuplicateReferences?: boolean;
}

/** One row's outcome. `issues` holds warnings for an accepted record, reasons for a rejected row. */
export type RowOutcome =
  | { status: 'accepted'; record: NormalizedRecord; issues: RowIssue[] }
  | { status: 'rejected'; record: null; issues: RowIssue[] };

export type RowValidator = (cells: readonly string[], rowNumber: number) => RowOutcome;

/** Running totals a caller keeps while validating (validate.ts's tallyOutcome fills them). */
export interface ValidationCounts {
  read: number;
  accepted: number;
  /** Accepted rows that carry at least one warning (included in `accepted`). */
  warned: number;
  rejected: number;
}
