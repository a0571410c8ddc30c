/**
 * What the PII guard (pii.ts, DESIGN.md §5) is shown of an extract and which of its findings
 * count for a given mapping: the sample's cells cut to a bounded length, and content evidence
 * dropped for columns that are parsed into numbers or times and never stored as text.
 */
import type { CanonicalField } from '../model/records.js';
import type { ColumnMapping } from './mapping.js';
import type { PiiFinding } from './pii-types.js';

/** Characters of a cell the PII guard looks at: enough for any name, e-mail or narrative, and
 * keeps its pattern matching linear on hostile cells (a 900,000-character field hung it). */
export const PII_CELL_CHARS = 2_000;

export function piiSampleCells(cells: readonly string[]): string[] {
  return cells.map((cell) => (cell.length > PII_CELL_CHARS ? cell.slice(0, PII_CELL_CHARS) : cell));
}

/** Fields whose cells are parsed into numbers or times: their text is never stored. */
const PARSED_FIELDS = new Set<CanonicalField>([
  'x',
  'y',
  'lon',
  'lat',
  'date',
  'time',
  'date_from',
  'date_to',
  'weight',
]);

/**
 * The PII findings that matter for this mapping: a column mapped to a coordinate, time or weight is
 * parsed into a number and its text never stored, so content evidence there (51.5072 read as an old
 * date) is noise; header evidence ("Date of birth" mapped as the date) always counts.
 */
export function relevantPiiFindings(findings: readonly PiiFinding[], mapping: ColumnMapping): PiiFinding[] {
  const parsed = new Set<string>();
  for (const [field, column] of Object.entries(mapping.fields) as [CanonicalField, string][]) {
    if (column && PARSED_FIELDS.has(field)) parsed.add(column);
  }
  return findings.filter((f) => f.evidence === 'header' || !parsed.has(f.column));
}
