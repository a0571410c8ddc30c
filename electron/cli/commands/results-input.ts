/**
 * What `hotspot results` reads besides the project: its areas as RFC 7946 GeoJSON (WGS84 lon/lat; a
 * FeatureCollection, a Feature or a bare Polygon / MultiPolygon geometry; every polygon of the file
 * makes up the area), projected into the project's CRS (DESIGN.md §4: areas and distances only in a
 * projected CRS), and the periods as yyyy-mm-dd..yyyy-mm-dd, both days included.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TimeSpan } from '../../../shared/analysis/compare/periods.js';
import type { MultiPolygonCoords, PolygonCoords } from '../../../shared/analysis/hotspots/polygon.js';
import { makeTransform, WGS84_CODE } from '../../../shared/crs/transform.js';
import { MS_PER_DAY, wallClockMs } from '../../../shared/model/time.js';
import { CliRefusal, CliUsageError } from '../command.js';

interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

/** The polygons of a GeoJSON file in project CRS metres. */
export async function readAreaGeoJson(
  path: string,
  projectCrs: string,
  option: string,
): Promise<MultiPolygonCoords> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliRefusal(
      `${option} ${basename(path)}: cannot read it as GeoJSON (${(error as Error).message})`,
    );
  }
  const polygons: PolygonCoords[] = [];
  collect(parsed, polygons);
  if (polygons.length === 0)
    throw new CliRefusal(
      `${option} ${basename(path)}: holds no Polygon or MultiPolygon: draw or export the area as polygons`,
    );
  const t = makeTransform(WGS84_CODE, projectCrs);
  return polygons.map((polygon) =>
    polygon.map((ring) =>
      ring.map((position) => {
        const [lon, lat] = position as [number, number];
        if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
          throw new CliRefusal(
            `${option} ${basename(path)}: coordinate ${lon}, ${lat} is not longitude/latitude; GeoJSON areas must be in WGS84 (RFC 7946)`,
          );
        }
        return t.toProject(lon, lat);
      }),
    ),
  );
}

function collect(node: unknown, out: PolygonCoords[]): void {
  if (node === null || typeof node !== 'object') return;
  const value = node as { type?: string; features?: unknown[]; geometry?: unknown } & Geometry;
  if (value.type === 'FeatureCollection' && Array.isArray(value.features)) {
    for (const f of value.features) collect(f, out);
  } else if (value.type === 'Feature') {
    collect(value.geometry, out);
  } else if (value.type === 'GeometryCollection' && Array.isArray(value.geometries)) {
    for (const g of value.geometries) collect(g, out);
  } else if (value.type === 'Polygon' && Array.isArray(value.coordinates)) {
    out.push(value.coordinates as PolygonCoords);
  } else if (value.type === 'MultiPolygon' && Array.isArray(value.coordinates)) {
    out.push(...(value.coordinates as PolygonCoords[]));
  }
}

/** "2025-01-01..2025-03-31" → [1 January 00:00, 1 April 00:00), both named days included. */
export function parsePeriod(text: string, option: string): TimeSpan {
  const match = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) throw new CliUsageError(`${option} must be yyyy-mm-dd..yyyy-mm-dd, got '${text}'`);
  const n = match.slice(1).map(Number);
  const from = wallClockMs(n[0]!, n[1]!, n[2]!);
  const to = wallClockMs(n[3]!, n[4]!, n[5]!) + MS_PER_DAY;
  const check =
    new Date(from).toISOString().slice(0, 10) === text.trim().slice(0, 10) &&
    new Date(to - MS_PER_DAY).toISOString().slice(0, 10) === text.trim().slice(12);
  if (!check) throw new CliUsageError(`${option} has a date that does not exist: '${text}'`);
  if (!(to > from)) throw new CliUsageError(`${option} must end on or after its first day, got '${text}'`);
  return { fromMs: from, toMs: to };
}
