/**
 * The project's saved areas (issue 13 item 5; table `areas`, migration 3): drawn on the map as a
 * polygon, a rectangle or a buffer ring (shared/areas/area-shape.ts projects them), or copied from a
 * boundary feature. Stored as GeoJSON in project CRS metres with their bounding box and area, so a
 * filter, a KDE clip, a study area or a results analysis's target, buffer or control can use them
 * without projecting again. Every change is audited.
 */
import type Database from 'better-sqlite3';
import { polygonBBox } from '../../../shared/analysis/hotspots/polygon.js';
import type { AreaInfo, AreaKind, AreaShape } from '../../../shared/api/areas-actions-api.js';
import { ApiError } from '../../../shared/api/errors.js';
import { drawnPolygon, geometryAreaM2 } from '../../../shared/areas/area-shape.js';
import { makeTransform, WGS84_CODE } from '../../../shared/crs/transform.js';
import type { ProjectHandle } from '../context.js';

type Geometry = AreaInfo['geometry'];

interface AreaRow {
  id: number;
  name: string;
  kind: AreaKind;
  geometry: string;
  source_json: string;
  area_m2: number;
  created_at: string;
  updated_at: string;
}

/** The shape as a polygon in project metres, and how it was made in words. */
function resolveShape(project: ProjectHandle, shape: AreaShape): { geometry: Geometry; madeFrom: string } {
  if (shape.kind === 'boundary') {
    const row = project.db
      .prepare(
        `SELECT f.code, f.name, f.geometry, l.name AS layer FROM boundary_features f
         JOIN boundary_layers l ON l.id = f.layer_id WHERE f.id = ?`,
      )
      .get(shape.boundaryFeatureId) as
      | { code: string; name: string | null; geometry: string; layer: string }
      | undefined;
    if (!row)
      throw new ApiError('not-found', `There is no boundary feature with id ${shape.boundaryFeatureId}`);
    const geometry = JSON.parse(row.geometry) as { type: string; coordinates: Geometry['coordinates'] };
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
      throw new ApiError('refused', `${row.name ?? row.code} is not an area (it is a ${geometry.type})`);
    return {
      geometry: { type: geometry.type, coordinates: geometry.coordinates },
      madeFrom: `copy of ${row.name ?? row.code} (${row.layer})`,
    };
  }
  const transform = makeTransform(WGS84_CODE, project.crs);
  let polygon: ReturnType<typeof drawnPolygon>;
  try {
    polygon = drawnPolygon(shape, (lon, lat) => transform.toProject(lon, lat));
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('invalid-argument', error.message);
    throw error;
  }
  const madeFrom =
    shape.kind === 'polygon'
      ? `polygon drawn on the map (${shape.ringWgs84.length} corners)`
      : shape.kind === 'rectangle'
        ? 'rectangle drawn on the map'
        : shape.innerRadiusM
          ? `ring ${shape.innerRadiusM}–${shape.radiusM} m round a point`
          : `circle of ${shape.radiusM} m round a point`;
  return { geometry: polygon, madeFrom };
}

function toWgs84(project: ProjectHandle, geometry: Geometry): Geometry {
  const t = makeTransform(project.crs, project.crs);
  const ring = (r: number[][]) => r.map(([x, y]) => t.projectToWgs84(x!, y!) as number[]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: (geometry.coordinates as number[][][]).map(ring) }
    : { type: 'MultiPolygon', coordinates: (geometry.coordinates as number[][][][]).map((p) => p.map(ring)) };
}

function toInfo(project: ProjectHandle, row: AreaRow): AreaInfo {
  const geometry = JSON.parse(row.geometry) as Geometry;
  const source = JSON.parse(row.source_json) as { madeFrom?: string };
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    geometry,
    geometryWgs84: toWgs84(project, geometry),
    areaKm2: row.area_m2 / 1e6,
    madeFrom: source.madeFrom ?? row.kind,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listAreas(project: ProjectHandle): AreaInfo[] {
  const rows = project.db.prepare('SELECT * FROM areas ORDER BY name COLLATE NOCASE, id').all() as AreaRow[];
  return rows.map((r) => toInfo(project, r));
}

export function getArea(project: ProjectHandle, id: number): AreaInfo {
  const row = project.db.prepare('SELECT * FROM areas WHERE id = ?').get(id) as AreaRow | undefined;
  if (!row) throw new ApiError('not-found', `There is no saved area with id ${id}`);
  return toInfo(project, row);
}

/** The area's geometry in project metres (for filters and clips), or not-found. */
export function areaGeometry(db: Database.Database, id: number): Geometry {
  const row = db.prepare('SELECT geometry FROM areas WHERE id = ?').get(id) as
    | { geometry: string }
    | undefined;
  if (!row) throw new ApiError('not-found', `There is no saved area with id ${id}`);
  return JSON.parse(row.geometry) as Geometry;
}

export function saveArea(project: ProjectHandle, name: string, shape: AreaShape): AreaInfo {
  const { geometry, madeFrom } = resolveShape(project, shape);
  const [minX, minY, maxX, maxY] = polygonBBox(geometry.coordinates);
  const now = new Date().toISOString();
  const { lastInsertRowid } = project.db
    .prepare(
      `INSERT INTO areas (name, kind, geometry, source_json, min_x, min_y, max_x, max_y, area_m2, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      name,
      shape.kind,
      JSON.stringify(geometry),
      JSON.stringify({ madeFrom, shape }),
      minX,
      minY,
      maxX,
      maxY,
      geometryAreaM2(geometry),
      now,
      now,
    );
  return getArea(project, Number(lastInsertRowid));
}

export function renameArea(project: ProjectHandle, id: number, name: string): AreaInfo {
  const { changes } = project.db
    .prepare('UPDATE areas SET name = ?, updated_at = ? WHERE id = ?')
    .run(name, new Date().toISOString(), id);
  if (changes === 0) throw new ApiError('not-found', `There is no saved area with id ${id}`);
  return getArea(project, id);
}

/** Deletes the area; actions tasked against it keep their copy of its outline. */
export function deleteArea(project: ProjectHandle, id: number): boolean {
  return project.db.prepare('DELETE FROM areas WHERE id = ?').run(id).changes > 0;
}
