/** The workspace's filter in a few words, for job labels and result headings. */

import { ukDate } from '../../../shared/model/time.js';
import { parseIsoDate } from './filter-state.js';
import type { Workspace } from './workspace.js';

export function describeFilter(ws: Workspace): string {
  const f = ws.filter;
  const parts: string[] = [];
  if (f.categories !== null)
    parts.push(
      f.categories.length <= 2
        ? f.categories.join(', ') || 'no categories'
        : `${f.categories.length} categories`,
    );
  if (f.datasetIds !== null) {
    const names = ws.datasets.filter((d) => f.datasetIds!.includes(d.id)).map((d) => d.name);
    parts.push(names.length <= 2 ? names.join(', ') : `${names.length} datasets`);
  }
  const from = f.fromDate === null ? null : parseIsoDate(f.fromDate);
  const to = f.toDate === null ? null : parseIsoDate(f.toDate);
  if (from !== null || to !== null)
    parts.push(`${from !== null ? ukDate(from) : 'start'}–${to !== null ? ukDate(to) : 'end'}`);
  if (f.hours !== null) parts.push(`${f.hours.length} hours`);
  if (f.weekdays !== null) parts.push(`${f.weekdays.length} weekdays`);
  if (f.areaFeatureId !== null) parts.push('one area');
  return parts.length === 0 ? 'all records' : parts.join(' · ');
}
