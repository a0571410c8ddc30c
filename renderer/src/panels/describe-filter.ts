/**
 * The workspace's filter in words, for job labels, panel scopes and result headings: the one rule of
 * shared/provenance/filter-words.ts (dd/mm/yyyy dates, dataset and area names), never JSON.
 */
import { filterWords } from '../../../shared/provenance/filter-words.js';
import { toRecordFilter } from './filter-state.js';
import type { Workspace } from './workspace.js';

export function describeFilter(ws: Workspace): string {
  return filterWords(toRecordFilter(ws.filter), {
    dataset: (id) => ws.datasets.find((d) => d.id === id)?.name ?? `a removed dataset`,
    area: (id) => ws.areaNames.get(id) ?? 'the chosen area',
    savedArea: (id) => ws.savedAreaNames.get(id) ?? 'a saved area',
  });
}
