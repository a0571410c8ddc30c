/**
 * Records per boundary feature (DESIGN.md §2: area-only data is analysed as counts per area, never as
 * fake points). Two kinds of record count towards a feature:
 *
 *   point records      by containment: a Flatbush index of the features' bounding boxes finds the
 *                      candidates, then point in polygon (even–odd) decides; a point inside two
 *                      overlapping features counts in both
 *   area-only records  by their area code equal to the feature's code (trimmed, case-insensitive,
 *                      spaces removed, so "SW1A" matches "sw1a "); a code shared by several features
 *                      counts once, on the first of them
 *
 * Area-only records whose code matches no feature are reported as `unmatched`, never dropped.
 * Cost O(n log f) for n records and f features, plus the polygon tests of the candidates.
 */
import type Database from 'better-sqlite3';
import Flatbush from 'flatbush';
import type { AreaCounts } from '../../../shared/api/import-api.js';
import type { RecordFilter } from '../../../shared/model/records.js';
import { areaContains, prepareArea } from '../query/point-in-polygon.js';
import { resolveArea } from '../query/query-records.js';
import { getRecordCache } from '../query/record-cache.js';
import { normaliseAreaCode, selectRecords } from '../query/select-records.js';
import { getBoundaryLayerInfo } from './boundary-layers.js';

export function countByArea(db: Database.Database, filter: RecordFilter, layerId: number): AreaCounts {
  getBoundaryLayerInfo(db, layerId);
  const features = db
    .prepare(
      'SELECT id, code, name, geometry, min_x, min_y, max_x, max_y, area_m2 FROM boundary_features WHERE layer_id = ? ORDER BY id',
    )
    .all(layerId) as {
    id: number;
    code: string;
    name: string | null;
    geometry: string;
    min_x: number;
    min_y: number;
    max_x: number;
    max_y: number;
    area_m2: number;
  }[];
  const areas = features.map((f) => ({
    featureId: f.id,
    code: f.code,
    name: f.name,
    count: 0,
    areaM2: f.area_m2,
  }));
  const result: AreaCounts = { layerId, areas, unmatched: 0, fromPoints: 0, fromCodes: 0 };
  if (features.length === 0) return result;

  const prepared = features.map((f) =>
    prepareArea((JSON.parse(f.geometry) as { coordinates: number[][][] }).coordinates),
  );
  const index = new Flatbush(features.length);
  for (const f of features) index.add(f.min_x, f.min_y, f.max_x, f.max_y);
  index.finish();
  const byCode = new Map<string, number>();
  features.forEach((f, k) => {
    const key = normaliseAreaCode(f.code);
    if (!byCode.has(key)) byCode.set(key, k);
  });

  const cache = getRecordCache(db);
  const selected = selectRecords(cache, filter, resolveArea(db, filter), { pointsOnly: false });
  // Area codes resolved once per dictionary entry, not once per record.
  const featureOfCode = new Int32Array(cache.areaCodes.length).fill(-1);
  cache.areaCodes.forEach((code, c) => {
    featureOfCode[c] = byCode.get(normaliseAreaCode(code)) ?? -1;
  });
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k]!;
    const x = cache.x[i]!;
    if (!Number.isNaN(x)) {
      const y = cache.y[i]!;
      for (const candidate of index.search(x, y, x, y)) {
        if (areaContains(prepared[candidate]!, x, y)) {
          areas[candidate]!.count++;
          result.fromPoints++;
        }
      }
      continue;
    }
    const code = cache.areaCode[i]!;
    const feature = code < 0 ? -1 : featureOfCode[code]!;
    if (feature < 0) result.unmatched++;
    else {
      areas[feature]!.count++;
      result.fromCodes++;
    }
  }
  return result;
}
