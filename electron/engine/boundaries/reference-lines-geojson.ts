/**
 * The project's reference lines (streets, rail, rivers; profile/reference-lines.ts stores them) in
 * WGS84 lon/lat for the map, one feature per stored line with its layer, name and road class.
 */
import type Database from 'better-sqlite3';
import type { ReferenceLinesGeoJson } from '../../../shared/api/map-api.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import { MAJOR_KINDS } from '../profile/reference-lines.js';

export function referenceLinesGeoJson(db: Database.Database, projectCrs: string): ReferenceLinesGeoJson {
  const toWgs84 = makeTransform(projectCrs, projectCrs).projectToWgs84;
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  const rows = db
    .prepare('SELECT id, layer_id, name, kind, coords_json FROM reference_lines ORDER BY layer_id, id')
    .all() as {
    id: number;
    layer_id: number;
    name: string | null;
    kind: string | null;
    coords_json: string;
  }[];
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.id,
      properties: {
        layerId: row.layer_id,
        name: row.name,
        major: row.kind !== null && MAJOR_KINDS.test(row.kind),
      },
      geometry: {
        type: 'MultiLineString',
        coordinates: (JSON.parse(row.coords_json) as number[][][]).map((line) =>
          line.map(([x, y]) => {
            const [lon, lat] = toWgs84(x!, y!);
            return [round(lon), round(lat)];
          }),
        ),
      },
    })),
  };
}
