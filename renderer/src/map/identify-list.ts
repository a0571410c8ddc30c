/**
 * What the map's identify shows for a click: the records under the pointer grouped by place (records
 * at the same spot, to the metre, are one group: repeat locations list together), and each record's
 * facts in the analyst's words: reference, category, when (dd/mm/yyyy, with its window and precision),
 * location, dataset and the source file's other columns. Pure: the popup (identify.ts) draws it.
 */
import type { RecordRow } from '../../../shared/model/records.js';
import { ukDate } from '../../../shared/model/time.js';

export interface IdentifyGroup {
  /** A place's records, ordered by start time (oldest first). */
  rows: RecordRow[];
  location: string | null;
}

/** Groups by place (project coordinates rounded to the metre), the largest group first. */
export function groupByPlace(rows: readonly RecordRow[]): IdentifyGroup[] {
  const groups = new Map<string, RecordRow[]>();
  for (const row of rows) {
    const key =
      row.x === null || row.y === null ? `area:${row.areaCode}` : `${Math.round(row.x)},${Math.round(row.y)}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()]
    .map((group) => {
      const sorted = [...group].sort((a, b) => a.fromMs - b.fromMs || a.id - b.id);
      return { rows: sorted, location: sorted.find((r) => r.location)?.location ?? null };
    })
    .sort((a, b) => b.rows.length - a.rows.length);
}

function ukTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** When a record happened, as precisely as it is known, e.g. "03/02/2024 22:00 – 04/02/2024 07:30 (window)". */
export function describeWhen(row: Pick<RecordRow, 'fromMs' | 'toMs' | 'precision'>): string {
  switch (row.precision) {
    case 'exact':
      return `${ukDate(row.fromMs)} ${ukTime(row.fromMs)}`;
    case 'date':
      return `${ukDate(row.fromMs)} (date only)`;
    case 'month':
      return `${ukDate(row.fromMs)} – ${ukDate(row.toMs)} (month only)`;
    case 'window': {
      const sameDay = ukDate(row.fromMs) === ukDate(row.toMs);
      const end = sameDay ? ukTime(row.toMs) : `${ukDate(row.toMs)} ${ukTime(row.toMs)}`;
      return `${ukDate(row.fromMs)} ${ukTime(row.fromMs)} – ${end} (window)`;
    }
  }
}

/** A record's facts as label/value pairs, in reading order; empty facts are left out. */
export function recordFacts(row: RecordRow, datasetName: string | null): [string, string][] {
  const facts: [string, string | null][] = [
    ['Reference', row.reference],
    ['Category', row.subcategory ? `${row.category ?? 'none'} (${row.subcategory})` : row.category],
    ['When', describeWhen(row)],
    ['Location', row.location],
    ['Area code', row.areaCode],
    ['Dataset', datasetName],
    ['Weight', row.weight !== 1 ? String(row.weight) : null],
    ...Object.entries(row.attrs),
  ];
  return facts.filter((f): f is [string, string] => f[1] !== null && f[1] !== '');
}
