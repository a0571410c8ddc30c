/**
 * The lon/lat extent of the point records a filter selects, for "Zoom to" a dataset and for going to
 * the data after a project opens or an import ends, without shipping the records to the renderer.
 */
import type Database from 'better-sqlite3';
import type { RecordFilter } from '../../../shared/model/records.js';
import { resolveArea } from './query-records.js';
import { getRecordCache } from './record-cache.js';
import { selectRecords } from './select-records.js';

/** [west, south, east, north] in WGS84 degrees of the selected points, or null when none has a location. */
export function recordBounds(
  db: Database.Database,
  filter: RecordFilter,
): [number, number, number, number] | null {
  const cache = getRecordCache(db);
  const selected = selectRecords(cache, filter, resolveArea(db, filter), { pointsOnly: true });
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k]!;
    const lon = cache.lon[i]!;
    const lat = cache.lat[i]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
