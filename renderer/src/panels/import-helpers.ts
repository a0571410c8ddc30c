/**
 * Pure helpers of the import wizard: a dataset name from a file name, the canonical fields in the
 * order the wizard asks for them with a sentence on each, and issues as a CSV that is safe to open in
 * a spreadsheet (cells that start like a formula are prefixed with an apostrophe, OWASP's advice on
 * CSV injection).
 */
import type { RowIssue } from '../../../shared/import/normalized.js';
import type { CanonicalField } from '../../../shared/model/records.js';

/** "police_crimes.csv" → "Police crimes". */
export function datasetNameFromFile(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (base === '') return 'Imported data';
  return base.charAt(0).toUpperCase() + base.slice(1);
}

export const FIELD_GROUPS: readonly { title: string; fields: readonly CanonicalField[] }[] = [
  { title: 'Location', fields: ['x', 'y', 'lon', 'lat', 'area'] },
  { title: 'Time', fields: ['date', 'time', 'date_from', 'date_to'] },
  { title: 'What', fields: ['category', 'subcategory', 'weight', 'location', 'reference'] },
];

export const FIELD_LABELS: Readonly<Record<CanonicalField, string>> = {
  x: 'Easting / x',
  y: 'Northing / y',
  lon: 'Longitude',
  lat: 'Latitude',
  area: 'Area code',
  date: 'Date (or date-time)',
  time: 'Time of day',
  date_from: 'From (date-time)',
  date_to: 'To (date-time)',
  category: 'Category',
  subcategory: 'Sub-category',
  weight: 'Weight (e.g. KSI count)',
  location: 'Location description',
  reference: 'Reference',
};

/** One CSV cell: quoted when needed, formula-like text made inert. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function issuesCsv(issues: readonly RowIssue[]): string {
  const lines = ['row,severity,column,value,reason'];
  for (const issue of issues) {
    lines.push(
      [issue.rowNumber, issue.severity, issue.column, issue.value, issue.reason].map(csvCell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
