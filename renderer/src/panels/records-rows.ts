/**
 * The records table's rows: the filtered records (RecordColumns) as rows the analyst can read,
 * sort and export. Pure; the panel is records-panel.ts. Dates are dd/mm/yyyy with how precise they
 * are (the map's identify wording), and the CSV uses the one export rule (shared/profile/csv.ts).
 */
import type { RecordColumns } from '../../../shared/model/records.js';
import { TIME_PRECISIONS } from '../../../shared/model/time.js';
import { toSafeCsv } from '../../../shared/profile/csv.js';
import { describeWhen } from '../map/identify-list.js';

export interface RecordRow {
  /** Index into the columns (for locating the record on the map). */
  index: number;
  id: number;
  dataset: string;
  category: string;
  subcategory: string;
  fromMs: number;
  when: string;
  location: string;
  x: number;
  y: number;
}

export const SORT_KEYS = ['id', 'dataset', 'category', 'fromMs', 'location'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function recordRows(columns: RecordColumns, datasetName: (id: number) => string): RecordRow[] {
  const rows: RecordRow[] = [];
  for (let i = 0; i < columns.count; i++) {
    const fromMs = columns.fromMs[i]!;
    const precision = TIME_PRECISIONS[columns.precision[i]!] ?? 'exact';
    const sub = columns.subcategoryCode?.[i];
    rows.push({
      index: i,
      id: columns.id[i]!,
      dataset: datasetName(columns.datasetId[i]!),
      category: columns.categories[columns.categoryCode[i]!] ?? '',
      subcategory: sub === undefined || sub < 0 ? '' : (columns.subcategories?.[sub] ?? ''),
      fromMs,
      when: describeWhen({ fromMs, toMs: columns.toMs[i]!, precision }),
      location: columns.locations[columns.locationCode[i]!] ?? '',
      x: columns.x[i]!,
      y: columns.y[i]!,
    });
  }
  return rows;
}

/** A sorted copy; ties keep record-number order, so the order never depends on the last sort. */
export function sortRows(rows: readonly RecordRow[], key: SortKey, descending: boolean): RecordRow[] {
  const sign = descending ? -1 : 1;
  const compare = (a: RecordRow, b: RecordRow): number => {
    const [p, q] = [a[key], b[key]];
    const order =
      typeof p === 'number' ? p - (q as number) : (p as string).localeCompare(q as string, 'en-GB');
    return sign * order || a.id - b.id;
  };
  return [...rows].sort(compare);
}

export const RECORD_CSV_HEADERS = [
  'record',
  'dataset',
  'category',
  'subcategory',
  'when',
  'location',
  'x',
  'y',
] as const;

export function recordsCsv(rows: readonly RecordRow[]): string {
  return toSafeCsv(
    RECORD_CSV_HEADERS,
    rows.map((r) => [r.id, r.dataset, r.category, r.subcategory, r.when, r.location, r.x, r.y]),
  );
}
