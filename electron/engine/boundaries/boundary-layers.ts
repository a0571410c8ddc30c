/**
 * Boundary layers as the analyst and the map see them: the list with counts and extents, one layer
 * as WGS84 GeoJSON (RFC 7946) for MapLibre, and deletion with its audit entry.
 */

import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type { BoundaryGeoJson, BoundaryLayerInfo } from '../../../shared/api/import-api.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import { appendAudit } from '../project/audit.js';
import { storeDenominator } from './area-denominator.js';

interface LayerRow {
  id: number;
  name: string;
  code_field: string;
  name_field: string | null;
  file_name: string;
  sha256: string;
  source_crs: string;
  created_at: string;
  features: number;
  min_x: number | null;
  min_y: number | null;
  max_x: number | null;
  max_y: number | null;
}

const LAYER_SQL = `
  SELECT l.*, COUNT(f.id) AS features, MIN(f.min_x) AS min_x, MIN(f.min_y) AS min_y,
         MAX(f.max_x) AS max_x, MAX(f.max_y) AS max_y
  FROM boundary_layers l LEFT JOIN boundary_features f ON f.layer_id = l.id`;

function layerInfo(row: LayerRow): BoundaryLayerInfo {
  return {
    id: row.id,
    name: row.name,
    codeField: row.code_field,
    nameField: row.name_field,
    fileName: row.file_name,
    sha256: row.sha256,
    sourceCrs: row.source_crs,
    features: row.features,
    createdAt: row.created_at,
    bbox: row.min_x === null ? null : [row.min_x, row.min_y!, row.max_x!, row.max_y!],
  };
}

export function listBoundaryLayers(db: Database.Database): BoundaryLayerInfo[] {
  return (db.prepare(`${LAYER_SQL} GROUP BY l.id ORDER BY l.name`).all() as LayerRow[]).map(layerInfo);
}

export function getBoundaryLayerInfo(db: Database.Database, id: number): BoundaryLayerInfo {
  const row = db.prepare(`${LAYER_SQL} WHERE l.id = ? GROUP BY l.id`).get(id) as LayerRow | undefined;
  if (!row) throw new ApiError('not-found', `There is no boundary layer with id ${id}`);
  return layerInfo(row);
}

function mapCoords(coords: unknown, f: (x: number, y: number) => [number, number]): unknown {
  if (Array.isArray(coords) && typeof coords[0] === 'number')
    return f(coords[0] as number, coords[1] as number);
  return (coords as unknown[]).map((c) => mapCoords(c, f));
}

/** The layer's features in WGS84 lon/lat, rounded to 7 decimals (about 1 cm). */
export function getBoundaryLayerGeoJson(
  db: Database.Database,
  id: number,
  projectCrs: string,
): BoundaryGeoJson {
  getBoundaryLayerInfo(db, id);
  const toWgs84 = makeTransform(projectCrs, projectCrs).projectToWgs84;
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  const rows = db
    .prepare('SELECT id, code, name, geometry, area_m2 FROM boundary_features WHERE layer_id = ? ORDER BY id')
    .all(id) as { id: number; code: string; name: string | null; geometry: string; area_m2: number }[];
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const geometry = JSON.parse(row.geometry) as BoundaryGeoJson['features'][number]['geometry'];
      return {
        type: 'Feature',
        id: row.id,
        properties: { id: row.id, code: row.code, name: row.name, areaM2: row.area_m2 },
        geometry: {
          type: geometry.type,
          coordinates: mapCoords(geometry.coordinates, (x, y) => {
            const [lon, lat] = toWgs84(x, y);
            return [round(lon), round(lat)];
          }) as number[][][],
        },
      };
    }),
  };
}

export function deleteBoundaryLayer(db: Database.Database, id: number): boolean {
  return db.transaction(() => {
    const info = getBoundaryLayerInfo(db, id);
    db.prepare('DELETE FROM boundary_layers WHERE id = ?').run(id);
    storeDenominator(db, id, null);
    appendAudit(db, 'delete-boundaries', { layerId: id, name: info.name, features: info.features });
    return true;
  })();
}
