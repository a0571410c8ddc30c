/**
 * A record filter in words, for every output that must say what it was made from (DESIGN.md §4
 * "Provenance": "filter … in words, never as JSON"), e.g.
 *   "Police crimes; categories: Burglary, Robbery; 01/01/2026 to 31/03/2026; hours 18:00–06:00; in Castle ward".
 * Dates are written dd/mm/yyyy (UK); the filter's end is exclusive, so the last day shown is the day before.
 */
import type { RecordFilter } from '../model/records.js';
import { MS_PER_DAY, ukDate } from '../model/time.js';

export interface FilterNames {
  /** Dataset name by id. */
  dataset(id: number): string;
  /** Boundary feature name by id (e.g. "Castle (Wards)"). */
  area(id: number): string;
  /** Saved area name by id (e.g. "Market Square (drawn area)"). */
  savedArea?(id: number): string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function filterWords(filter: RecordFilter, names: FilterNames): string {
  const parts: string[] = [];
  parts.push(
    filter.datasetIds ? filter.datasetIds.map((id) => names.dataset(id)).join(', ') : 'all datasets',
  );
  parts.push(filter.categories ? `categories: ${filter.categories.join(', ')}` : 'all categories');
  if (filter.fromMs !== undefined || filter.toMs !== undefined) {
    const from = filter.fromMs === undefined ? 'the first record' : ukDate(filter.fromMs);
    const to = filter.toMs === undefined ? 'the last record' : ukDate(filter.toMs - MS_PER_DAY);
    parts.push(`${from} to ${to}${filter.dateRule === 'midpoint' ? ' (by window midpoint)' : ''}`);
  } else parts.push('all dates');
  if (filter.hours) parts.push(`hours ${hourRuns(filter.hours)}`);
  if (filter.weekdays) parts.push(`days ${filter.weekdays.map((d) => WEEKDAYS[d] ?? String(d)).join(', ')}`);
  if (filter.area) {
    parts.push(
      'boundaryFeatureId' in filter.area
        ? `in ${names.area(filter.area.boundaryFeatureId)}`
        : 'areaId' in filter.area
          ? `in ${names.savedArea?.(filter.area.areaId) ?? 'a saved area'}`
          : 'inside a drawn area',
    );
  }
  return parts.join('; ');
}

/** Hours as runs of start hours, e.g. [22, 23, 0, 1] → "22:00–02:00". */
function hourRuns(hours: readonly number[]): string {
  const set = new Set(hours);
  if (set.size === 24) return 'all day';
  const runs: string[] = [];
  for (let h = 0; h < 24; h++) {
    if (!set.has(h) || set.has((h + 23) % 24)) continue;
    let end = h;
    while (set.has((end + 1) % 24) && (end + 1) % 24 !== h) end = (end + 1) % 24;
    const hh = (n: number) => `${String(n % 24).padStart(2, '0')}:00`;
    runs.push(`${hh(h)}–${hh(end + 1)}`);
  }
  return runs.join(', ');
}
