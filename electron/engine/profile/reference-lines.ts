/**
 * Reference lines (streets, rivers, railways) drawn under the printed maps of profiles and slides
 * (issue 6 item 3). Imported like a boundary layer: a GeoJSON file of LineString / MultiLineString
 * features (WGS84 per RFC 7946 unless `sourceCrs` says otherwise), or a zipped shapefile of lines
 * (CRS from its .prj) is transformed to the project CRS
 * and stored with each line's name, kind and bounding box, in one transaction with its audit entry.
 * Features that are not lines, or whose coordinates cannot be transformed, are counted and reported.
 * A street whose `kind` (or `highway`) is a main road class is drawn heavier on the map.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type { ReferenceLayerInfo } from '../../../shared/api/profile-api.js';
import type { Extent } from '../../../shared/cartography/frame.js';
import { makeTransform, WGS84_CODE } from '../../../shared/crs/transform.js';
import { isZipBytes, readShapefileFeatures } from '../boundaries/read-boundary-file.js';
import { sha256File } from '../import/sha256-file.js';
import { appendAudit } from '../project/audit.js';

export interface ReferenceLine {
  coords: number[][];
  name?: string;
  major?: boolean;
}

export const MAJOR_KINDS = /^(main|primary|trunk|motorway|secondary|a-road|centre|ring|arterial)/i;

interface LineFeature {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

/** The features of a GeoJSON file, or of a zipped shapefile (the boundary reader's path) with its .prj's CRS. */
async function readLineFile(
  filePath: string,
  fileName: string,
): Promise<{ features: LineFeature[]; crs: string | null }> {
  const bytes = await readFile(filePath);
  if (isZipBytes(bytes))
    return readShapefileFeatures(bytes, fileName) as Promise<{ features: LineFeature[]; crs: string | null }>;
  let parsed: { type?: string; features?: LineFeature[] };
  try {
    parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as typeof parsed;
  } catch (error) {
    throw new ApiError('refused', `${fileName} is not a GeoJSON file: ${(error as Error).message}`);
  }
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new ApiError('refused', `${fileName} is not a GeoJSON FeatureCollection`);
  }
  return { features: parsed.features, crs: null };
}

export async function importReferenceLines(
  db: Database.Database,
  params: { filePath: string; fileName?: string; name: string; sourceCrs?: string; projectCrs: string },
): Promise<ReferenceLayerInfo & { skipped: number }> {
  const fileName = params.fileName ?? basename(params.filePath);
  const file = await readLineFile(params.filePath, fileName);
  const parsed = { features: file.features };
  const sourceCrs = params.sourceCrs ?? file.crs ?? WGS84_CODE;
  const transform = makeTransform(sourceCrs, params.projectCrs);
  const rows: { name: string | null; kind: string | null; lines: number[][][]; box: Extent }[] = [];
  let skipped = 0;
  for (const feature of parsed.features) {
    const g = feature.geometry;
    const parts =
      g?.type === 'LineString'
        ? [g.coordinates]
        : g?.type === 'MultiLineString'
          ? (g.coordinates as unknown[])
          : null;
    if (!parts) {
      skipped++;
      continue;
    }
    try {
      const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
      const lines = parts.map((part) =>
        (part as number[][]).map(([a, b]) => {
          const [x, y] = transform.toProject(Number(a), Number(b));
          if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError('untransformable coordinate');
          box.minX = Math.min(box.minX, x);
          box.minY = Math.min(box.minY, y);
          box.maxX = Math.max(box.maxX, x);
          box.maxY = Math.max(box.maxY, y);
          return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
        }),
      );
      if (!Number.isFinite(box.minX)) throw new RangeError('empty line');
      const props = feature.properties ?? {};
      const kind = props['kind'] ?? props['highway'] ?? props['class'] ?? null;
      const name = props['name'] ?? props['NAME'] ?? null;
      rows.push({
        name: name === null ? null : String(name),
        kind: kind === null ? null : String(kind),
        lines,
        box,
      });
    } catch {
      skipped++;
    }
  }
  if (rows.length === 0)
    throw new ApiError('refused', `${fileName} has no line features (LineString or MultiLineString)`);
  const sha256 = await sha256File(params.filePath);
  const createdAt = new Date().toISOString();
  const layerId = db.transaction(() => {
    if (db.prepare('SELECT 1 FROM reference_layers WHERE name = ?').get(params.name)) {
      throw new ApiError(
        'refused',
        `a reference layer called "${params.name}" exists already; choose another name`,
      );
    }
    const id = Number(
      db
        .prepare(
          'INSERT INTO reference_layers (name, file_name, sha256, source_crs, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(params.name, fileName, sha256, transform.source.id, createdAt).lastInsertRowid,
    );
    const insert = db.prepare(
      'INSERT INTO reference_lines (layer_id, name, kind, coords_json, min_x, min_y, max_x, max_y) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of rows)
      insert.run(id, r.name, r.kind, JSON.stringify(r.lines), r.box.minX, r.box.minY, r.box.maxX, r.box.maxY);
    appendAudit(db, 'import-reference-lines', {
      layer: params.name,
      fileName,
      sha256,
      lines: rows.length,
      skipped,
    });
    return id;
  })();
  return { ...getReferenceLayer(db, layerId), skipped };
}

export function listReferenceLayers(db: Database.Database): ReferenceLayerInfo[] {
  return (db.prepare('SELECT id FROM reference_layers ORDER BY id').all() as { id: number }[]).map((r) =>
    getReferenceLayer(db, r.id),
  );
}

export function getReferenceLayer(db: Database.Database, id: number): ReferenceLayerInfo {
  const row = db
    .prepare(
      `SELECT l.id, l.name, l.file_name, l.sha256, l.source_crs, l.created_at,
              (SELECT COUNT(*) FROM reference_lines WHERE layer_id = l.id) AS lines
       FROM reference_layers l WHERE l.id = ?`,
    )
    .get(id) as
    | {
        id: number;
        name: string;
        file_name: string;
        sha256: string;
        source_crs: string;
        created_at: string;
        lines: number;
      }
    | undefined;
  if (!row) throw new ApiError('not-found', `There is no reference layer with id ${id}`);
  return {
    id: row.id,
    name: row.name,
    fileName: row.file_name,
    sha256: row.sha256,
    sourceCrs: row.source_crs,
    lines: row.lines,
    createdAt: row.created_at,
  };
}

/** Every reference line whose bounding box meets `extent` (all of them without one). */
export function referenceLinesIn(db: Database.Database, extent?: Extent): ReferenceLine[] {
  const rows = (
    extent
      ? db
          .prepare(
            'SELECT name, kind, coords_json FROM reference_lines WHERE max_x >= ? AND min_x <= ? AND max_y >= ? AND min_y <= ? ORDER BY id',
          )
          .all(extent.minX, extent.maxX, extent.minY, extent.maxY)
      : db.prepare('SELECT name, kind, coords_json FROM reference_lines ORDER BY id').all()
  ) as { name: string | null; kind: string | null; coords_json: string }[];
  return rows.flatMap((r) =>
    (JSON.parse(r.coords_json) as number[][][]).map((coords) => ({
      coords,
      ...(r.name ? { name: r.name } : {}),
      major: r.kind !== null && MAJOR_KINDS.test(r.kind),
    })),
  );
}
