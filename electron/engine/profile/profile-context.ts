/**
 * Pieces of a profile that come straight from the project file: the datasets in scope with their
 * provenance (their caveats come from the one builder, shared/provenance/data-caveats.ts), the boundary feature of an area subject, and the map layers (a boundary
 * layer, preferably wards, and the reference lines such as streets).
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type { DatasetInfo } from '../../../shared/api/import-api.js';
import { isoDate } from '../../../shared/model/time.js';
import type { DatasetProvenance, MapLayers, MultiPolygonCoords } from '../../../shared/profile/model.js';
import { bundledReference } from '../basemap/sample-reference.js';
import { referenceLinesIn } from './reference-lines.js';

export interface AreaFeature {
  id: number;
  code: string;
  name: string | null;
  layerId: number;
  layerName: string;
  polygons: MultiPolygonCoords;
}

function asMulti(geometry: { type: string; coordinates: unknown }): MultiPolygonCoords {
  return geometry.type === 'MultiPolygon'
    ? (geometry.coordinates as MultiPolygonCoords)
    : [geometry.coordinates as number[][][]];
}

/** A boundary feature by name or code (case-insensitive), first layer first. */
export function findAreaFeature(db: Database.Database, nameOrCode: string): AreaFeature {
  const row = db
    .prepare(
      `SELECT f.id, f.code, f.name, f.geometry, l.id AS layer_id, l.name AS layer_name
       FROM boundary_features f JOIN boundary_layers l ON l.id = f.layer_id
       WHERE lower(trim(f.name)) = lower(trim(?)) OR lower(trim(f.code)) = lower(trim(?))
       ORDER BY l.id, f.id LIMIT 1`,
    )
    .get(nameOrCode, nameOrCode) as
    | {
        id: number;
        code: string;
        name: string | null;
        geometry: string;
        layer_id: number;
        layer_name: string;
      }
    | undefined;
  if (!row) {
    const names = (
      db
        .prepare('SELECT COALESCE(name, code) AS n FROM boundary_features ORDER BY layer_id, id LIMIT 12')
        .all() as { n: string }[]
    ).map((r) => r.n);
    throw new ApiError(
      'not-found',
      names.length === 0
        ? `There is no area "${nameOrCode}": the project has no boundary layer; import one (e.g. wards) first`
        : `There is no area "${nameOrCode}"; areas include: ${names.join(', ')}`,
    );
  }
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    layerId: row.layer_id,
    layerName: row.layer_name,
    polygons: asMulti(JSON.parse(row.geometry) as { type: string; coordinates: unknown }),
  };
}

/** The boundary layer to draw: the given one, else one named like wards, else the first. */
export function mapLayers(db: Database.Database, crs: string, preferLayerId: number | null): MapLayers {
  const layers = db.prepare('SELECT id, name FROM boundary_layers ORDER BY id').all() as {
    id: number;
    name: string;
  }[];
  const layer =
    layers.find((l) => l.id === preferLayerId) ??
    layers.find((l) => /ward/i.test(l.name)) ??
    layers[0] ??
    null;
  const boundaries = layer
    ? (
        db
          .prepare('SELECT code, name, geometry FROM boundary_features WHERE layer_id = ? ORDER BY id')
          .all(layer.id) as {
          code: string;
          name: string | null;
          geometry: string;
        }[]
      ).map((f) => ({ polygons: asMulti(JSON.parse(f.geometry)), label: f.name ?? f.code }))
    : [];
  const own = referenceLinesIn(db);
  const bundled = bundledReference(db, crs);
  return {
    crs,
    boundaries,
    boundaryLayerName: layer?.name ?? null,
    streets: own.length === 0 && bundled ? bundled.streets : own,
    ...(bundled ? { water: bundled.water } : {}),
  };
}

export function datasetProvenance(d: DatasetInfo): DatasetProvenance {
  return {
    id: d.id,
    name: d.name,
    geometry: d.geometry,
    records: d.records,
    dateRange: d.dateRange ? { from: isoDate(d.dateRange.fromMs), to: isoDate(d.dateRange.toMs) } : null,
    precision: d.precision,
    imports: d.imports.map((i) => ({
      fileName: i.fileName,
      sha256: i.sha256,
      importedAt: i.finishedAt,
      sourceCrs: i.sourceCrs,
      rowsRead: i.rowsRead,
      rowsAccepted: i.rowsAccepted,
      rowsRejected: i.rowsRejected,
    })),
  };
}
