/**
 * Counts for the map workspace's side panels over a selection: by category, by month of the
 * window's start, by dataset, and by time precision; point and area-only records counted apart.
 */
import type { RecordSummary } from '../../../shared/api/import-api.js';
import { TIME_PRECISIONS } from '../../../shared/model/time.js';
import type { RecordCache } from './record-cache.js';

export function summariseSelection(cache: RecordCache, indices: Uint32Array): RecordSummary {
  const byCategory = new Int32Array(cache.categories.length + 1); // last slot: no category
  const byMonth = new Map<number, number>();
  const byDataset = new Map<number, number>();
  const precision = { exact: 0, window: 0, date: 0, month: 0 };
  let points = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    const c = cache.categoryCode[i]!;
    byCategory[c < 0 ? cache.categories.length : c]!++;
    const month = cache.startMonth[i]!;
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    const d = cache.datasetId[i]!;
    byDataset.set(d, (byDataset.get(d) ?? 0) + 1);
    precision[TIME_PRECISIONS[cache.precision[i]!]!]++;
    if (!Number.isNaN(cache.x[i]!)) points++;
  }
  const categories: RecordSummary['byCategory'] = [];
  byCategory.forEach((count, c) => {
    if (count > 0)
      categories.push({ category: c < cache.categories.length ? cache.categories[c]! : null, count });
  });
  categories.sort((a, b) => b.count - a.count || String(a.category).localeCompare(String(b.category)));
  return {
    total: indices.length,
    points,
    areaOnly: indices.length - points,
    byCategory: categories,
    byMonth: [...byMonth.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([m, count]) => ({
        month: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
        count,
      })),
    byDataset: [...byDataset.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([datasetId, count]) => ({ datasetId, count })),
    precision,
  };
}
