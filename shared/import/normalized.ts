/**
 * The seam between reading/validating a partner extract (shared/import, electron/engine/import/readers)
 * and storing it (electron/engine/import/store): one normalized record per accepted row, one issue per
 * warning or rejection. Row numbers are 1-based data rows as the analyst sees them in a spreadsheet
 * (the header is row 1, so the first data row is row 2).
 */
import type { TimePrecision } from '../model/time.js';

export interface NormalizedRecord {
  rowNumber: number;
  /** Projected metres in the project CRS, or null for area-only records. */
  x: number | null;
  y: number | null;
  lon: number | null;
  lat: number | null;
  areaCode: string | null;
  fromMs: number;
  toMs: number;
  precision: TimePrecision;
  category: string | null;
  subcategory: string | null;
  weight: number;
  location: string | null;
  reference: string | null;
  /** Other kept columns (not PII-refused), by source header. */
  attrs: Record<string, string>;
}

export type IssueSeverity = 'warning' | 'rejected';

export interface RowIssue {
  rowNumber: number;
  column: string | null;
  value: string | null;
  severity: IssueSeverity;
  /** What is wrong and what was expected, e.g. "31/02/2024 is not a real date (expected dd/mm/yyyy)". */
  reason: string;
}
