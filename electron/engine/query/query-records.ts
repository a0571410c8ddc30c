/**
 * The query entry points the handlers call: a RecordFilter → RecordColumns (points, for the map and
 * analyses) or a RecordSummary (points and area-only records), through the project's record cache.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type { RecordSummary } from '../../../shared/api/import-api.js';
import type { RecordColumns, RecordFilter } from '../../../shared/model/records.js';
import { areaGeometry } from '../project/areas.js';
import { prepareArea } from './point-in-polygon.js';
import { getRecordCache } from './record-cache.js';
import { toRecordColumns } from './record-columns.js';
import { type ResolvedArea, selectRecords } from './select-records.js';
import { summariseSelection } from './summarise.js';

/** The filter's area as a prepared polygon (a boundary feature is read from the project). */
export function resolveArea(db: Database.Database, filter: RecordFilter): ResolvedArea | null {
  const area = filter.area;
  if (!area) return null;
  if ('polygon' in area) return { area: prepareArea(area.polygon), code: null };
  if ('areaId' in area) return { area: prepareArea(areaGeometry(db, area.areaId).coordinates), code: null };
  const feature = db
    .prepare('SELECT code, geometry FROM boundary_features WHERE id = ?')
    .get(area.boundaryFeatureId) as { code: string; geometry: string } | undefined;
  if (!feature)
    throw new ApiError('not-found', `There is no boundary feature with id ${area.boundaryFeatureId}`);
  const geometry = JSON.parse(feature.geometry) as { coordinates: number[][][] | number[][][][] };
  return { area: prepareArea(geometry.coordinates), code: feature.code };
}

export function queryRecords(db: Database.Database, filter: RecordFilter): RecordColumns {
  const cache = getRecordCache(db);
  return toRecordColumns(cache, selectRecords(cache, filter, resolveArea(db, filter), { pointsOnly: true }));
}

export function summariseRecords(db: Database.Database, filter: RecordFilter): RecordSummary {
  const cache = getRecordCache(db);
  return summariseSelection(
    cache,
    selectRecords(cache, filter, resolveArea(db, filter), { pointsOnly: false }),
  );
}
