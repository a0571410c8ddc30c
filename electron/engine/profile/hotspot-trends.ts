/**
 * Per-hotspot trend (DESIGN.md §4 "Period comparison and significance", issue 10 item 6): for every
 * reported hotspot of the period's density run, its events this period, the previous period and the
 * same period last year, counted inside the hotspot's outline by the one rule (window midpoint,
 * period-counts.ts), with the exact test against each baseline and Benjamini–Hochberg across the
 * hotspots (one table: each comparison column adjusted separately, adjustRows).
 *
 * The hotspots were chosen because they are high in the current period, so some of their rise is
 * regression to the mean: a place picked at its peak tends to be lower in any other period even
 * when nothing changed. REGRESSION_CAVEAT says so wherever their trends are shown.
 */
import type { Coverage } from '../../../shared/analysis/compare/coverage.js';
import { adjustRows, type PeriodSpans } from '../../../shared/analysis/compare/period-comparison.js';
import type { PolygonCoords } from '../../../shared/analysis/hotspots/polygon.js';
import type { HotspotTrend } from '../../../shared/profile/model.js';
import { areaContains, prepareArea } from '../query/point-in-polygon.js';
import type { RecordCache } from '../query/record-cache.js';
import { comparisonOf, type PeriodRecords } from './period-counts.js';

export const REGRESSION_CAVEAT =
  'The hotspots were picked because they are high in the current period, so comparing them with ' +
  'earlier periods overstates their rise: places chosen at a peak tend to fall back towards their ' +
  'usual level (regression to the mean) even when nothing has changed. Treat a rise in a hotspot as ' +
  'a reason to look closer, not as proof that it is getting worse.';

/** The records (selected over the profile's span) that lie inside the polygon. */
export function recordsInside(
  cache: RecordCache,
  records: PeriodRecords,
  polygon: PolygonCoords,
): PeriodRecords {
  const area = prepareArea(polygon);
  const keep: number[] = [];
  for (let k = 0; k < records.indices.length; k++) {
    const i = records.indices[k]!;
    const x = cache.x[i]!;
    if (!Number.isNaN(x) && areaContains(area, x, cache.y[i]!)) keep.push(k);
  }
  return {
    indices: Uint32Array.from(keep, (k) => records.indices[k]!),
    midMs: Float64Array.from(keep, (k) => records.midMs[k]!),
  };
}

export function hotspotTrends(
  cache: RecordCache,
  scope: PeriodRecords,
  hotspots: readonly { rank: number; polygon: PolygonCoords }[],
  spans: PeriodSpans,
  coverage: Coverage | null,
): HotspotTrend[] {
  const rows = hotspots.map((h) => ({
    rank: h.rank,
    ...comparisonOf(recordsInside(cache, scope, h.polygon), spans, coverage),
  }));
  return adjustRows(rows);
}
