/**
 * RecordFilter → the indices (into the record cache) of the records that match, by one loop over
 * the typed columns with every test reduced to an array lookup or a comparison:
 *
 *   datasets, categories, hours, weekdays   lookup masks (Uint8Array) built once per query
 *   date range [fromMs, toMs)               dateRule 'overlap' (default): the record's window
 *                                           [from, to] overlaps it: from < filter.toMs and
 *                                           to >= filter.fromMs; 'midpoint': its midpoint
 *                                           from + (to − from) / 2 lies in [fromMs, toMs)
 *   area                                    bounding box first, then point in polygon (even–odd);
 *                                           an area-only record matches a boundary feature by code
 *                                           (normaliseAreaCode on both sides)
 *
 * Hours and weekdays are those of the window's start (shared/model/records.ts). Cost O(n) plus
 * O(vertices) per point inside the area's bounding box.
 */
import type { RecordFilter } from '../../../shared/model/records.js';
import { areaContains, type PreparedArea } from './point-in-polygon.js';
import type { RecordCache } from './record-cache.js';

/** Area codes compare without spaces and case: "SW1A" matches "sw1a ", "E01000001" itself. */
export function normaliseAreaCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

export interface ResolvedArea {
  area: PreparedArea;
  /** For a boundary feature: its code, which area-only records match. */
  code: string | null;
}

export interface SelectOptions {
  /** Keep only records with coordinates (what the map and point analyses take). */
  pointsOnly: boolean;
}

function mask(size: number, keep: readonly number[] | undefined): Uint8Array | null {
  if (keep === undefined) return null;
  const m = new Uint8Array(size);
  for (const k of keep) if (k >= 0 && k < size) m[k] = 1;
  return m;
}

export function selectRecords(
  cache: RecordCache,
  filter: RecordFilter,
  area: ResolvedArea | null,
  options: SelectOptions,
): Uint32Array {
  if (filter.fromMs !== undefined && filter.toMs !== undefined && filter.toMs < filter.fromMs) {
    throw new RangeError(`filter toMs must be >= fromMs, got ${filter.fromMs} → ${filter.toMs}`);
  }
  const n = cache.count;
  let maxDataset = 0;
  for (const d of filter.datasetIds ?? []) if (d > maxDataset) maxDataset = d;
  const datasetMask = filter.datasetIds ? mask(maxDataset + 1, filter.datasetIds) : null;
  const categoryMask = filter.categories
    ? mask(
        cache.categories.length,
        filter.categories.map((c) => cache.categories.indexOf(c)),
      )
    : null;
  const hourMask = mask(24, filter.hours);
  const weekdayMask = mask(7, filter.weekdays);
  const from = filter.fromMs ?? Number.NEGATIVE_INFINITY;
  const to = filter.toMs ?? Number.POSITIVE_INFINITY;
  const wanted = area?.code == null ? null : normaliseAreaCode(area.code);
  const areaCodeMask = new Uint8Array(cache.areaCodes.length);
  if (wanted !== null) {
    cache.areaCodes.forEach((code, c) => {
      areaCodeMask[c] = normaliseAreaCode(code) === wanted ? 1 : 0;
    });
  }
  const { x, y, datasetId, categoryCode, fromMs, toMs, startHour, startWeekday } = cache;
  const pointsOnly = options.pointsOnly;
  const byMidpoint = filter.dateRule === 'midpoint';

  const out = new Uint32Array(n);
  let found = 0;
  for (let i = 0; i < n; i++) {
    const px = x[i]!;
    const hasPoint = !Number.isNaN(px);
    if (pointsOnly && !hasPoint) continue;
    if (byMidpoint) {
      const mid = fromMs[i]! + (toMs[i]! - fromMs[i]!) / 2;
      if (mid < from || mid >= to) continue;
    } else if (fromMs[i]! >= to || toMs[i]! < from) continue;
    if (datasetMask !== null) {
      const d = datasetId[i]!;
      if (d >= datasetMask.length || datasetMask[d] === 0) continue;
    }
    if (categoryMask !== null) {
      const c = categoryCode[i]!;
      if (c < 0 || categoryMask[c] === 0) continue;
    }
    if (hourMask !== null && hourMask[startHour[i]!] === 0) continue;
    if (weekdayMask !== null && weekdayMask[startWeekday[i]!] === 0) continue;
    if (area !== null) {
      if (hasPoint) {
        if (!areaContains(area.area, px, y[i]!)) continue;
      } else {
        const code = cache.areaCode[i]!;
        if (code < 0 || areaCodeMask[code] === 0) continue;
      }
    }
    out[found++] = i;
  }
  return out.slice(0, found);
}
