/**
 * Which selection an analysis result belongs to. A result is made from one filter; once the filter
 * changes, the panels and the map must say the result is for a different selection rather than let
 * it pass as the current one. Filters are compared by a canonical key (keys sorted, lists sorted),
 * so the same selection reached in a different order is still the same.
 */
import type { ApiRecordFilter } from './filter-state.js';

/** Lists whose order does not change the selection. */
const SET_KEYS = new Set(['datasetIds', 'categories', 'hours', 'weekdays']);

/** A canonical text of a filter: equal for filters that select the same records by the same rule. */
export function filterKey(filter: ApiRecordFilter): string {
  return JSON.stringify(sortedKeys(filter));
}

function sortedKeys(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => sortedKeys(item));
    return SET_KEYS.has(key) ? items.map((item) => JSON.stringify(item)).sort() : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortedKeys(v, k)]));
  }
  return value;
}

export type ResultKind = 'kde' | 'knox' | 'chains';

export const RESULT_NAMES: Readonly<Record<ResultKind, string>> = {
  kde: 'The hotspots',
  knox: 'The Knox test',
  chains: 'The chains',
};

/** The sentence a stale result carries: what it was made from, and what to do. */
export function staleNotice(kind: ResultKind, madeFrom: string): string {
  return `${RESULT_NAMES[kind]} below are for a different selection (${madeFrom}), not the current filter. Run again for the current filter, or clear the result.`;
}
