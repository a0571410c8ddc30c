/**
 * Imports a boundary layer (GeoJSON or zipped Shapefile) into the project: every polygon feature is
 * transformed to the project CRS and stored with its area code, name, bounding box and planar area
 * (m², shoelace in project CRS metres), in one transaction with the audit entry. Features without a
 * code or with coordinates that cannot be transformed are skipped and reported; a layer with no
 * usable feature is refused.
 */

import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type { BoundaryLayerInfo } from '../../../shared/api/import-api.js';
import { makeTransform, WGS84_CODE } from '../../../shared/crs/transform.js';
import { noProgress, type ProgressFn } from '../../../shared/jobs/progress.js';
import { sha256File } from '../import/sha256-file.js';
import { appendAudit } from '../project/audit.js';
import { polygonAreaM2 } from '../query/point-in-polygon.js';
import { detectDenominator, storeDenominator } from './area-denominator.js';
import { getBoundaryLayerInfo } from './boundary-layers.js';
import { detectBoundaryFields } from './detect-fields.js';
import { type BoundaryInput, readBoundaryFile } from './read-boundary-file.js';

export interface ImportBoundariesParams {
  filePath: string;
  fileName?: string;
  name: string;
  codeField?: string;
  nameField?: string;
  /** CRS of the file's coordinates; default: what the file says, else WGS84 (GeoJSON, RFC 7946). */
  sourceCrs?: string;
  projectCrs: string;
}

export interface ImportBoundariesResult {
  layer: BoundaryLayerInfo;
  skipped: { index: number; reason: string }[];
}

function refused(message: string): ApiError {
  return new ApiError('refused', message);
}

function looksLikeDegrees(features: readonly BoundaryInput[]): boolean {
  for (const f of features.slice(0, 50)) {
    const first = JSON.stringify(f.geometry.coordinates).match(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi) ?? [];
    for (const v of first.slice(0, 20)) if (Math.abs(Number(v)) > 180) return false;
  }
  return true;
}

function transformCoords(coords: unknown, toProject: (a: number, b: number) => [number, number]): unknown {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const [x, y] = toProject(coords[0] as number, coords[1] as number);
    if (!Number.isFinite(x) || !Number.isFinite(y))
      throw new RangeError(`coordinate ${coords[0]}, ${coords[1]} cannot be transformed`);
    return [x, y];
  }
  if (!Array.isArray(coords)) throw new RangeError('coordinates are not arrays of numbers');
  return coords.map((c) => transformCoords(c, toProject));
}

function bboxOf(coords: unknown, box: [number, number, number, number]): void {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const [x, y] = coords as [number, number];
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
    return;
  }
  for (const c of coords as unknown[]) bboxOf(c, box);
}

export async function importBoundaries(
  db: Database.Database,
  params: ImportBoundariesParams,
  progress: ProgressFn = noProgress,
): Promise<ImportBoundariesResult> {
  const fileName = params.fileName ?? params.filePath.split(/[\\/]/).pop()!;
  const name = params.name.trim();
  if (name === '') throw new RangeError('a boundary layer needs a name');
  if (db.prepare('SELECT 1 FROM boundary_layers WHERE name = ?').get(name)) {
    throw refused(`There is already a boundary layer called "${name}"; choose another name`);
  }
  const file = await readBoundaryFile(params.filePath, fileName);
  if (file.features.length === 0) {
    const why = file.skipped[0]?.reason ?? 'it has no features';
    throw refused(`${fileName} holds no polygon features (${why})`);
  }
  let sourceCrs = params.sourceCrs ?? file.crs;
  if (!sourceCrs) {
    if (file.format === 'geojson' || looksLikeDegrees(file.features)) sourceCrs = WGS84_CODE;
    else
      throw refused(
        `${fileName} has no .prj and its coordinates are not degrees; give its CRS (e.g. EPSG:27700)`,
      );
  }
  let toProject: (a: number, b: number) => [number, number];
  try {
    toProject = makeTransform(sourceCrs, params.projectCrs).toProject;
  } catch (error) {
    throw refused((error as Error).message);
  }

  const detected = detectBoundaryFields(
    file.fields,
    file.features.map((f) => f.properties),
  );
  const codeField = params.codeField ?? detected.codeField;
  const nameField = params.nameField ?? (params.codeField ? null : detected.nameField);
  if (!codeField)
    throw refused(`No property of ${fileName} can serve as the area code; choose the code field`);
  for (const field of [codeField, nameField]) {
    if (field && !file.fields.includes(field)) {
      throw refused(`${fileName} has no property "${field}"; its properties are ${file.fields.join(', ')}`);
    }
  }
  const sha256 = await sha256File(params.filePath);
  const skipped = [...file.skipped];

  const layerId = db
    .transaction(() => {
      const id = Number(
        db
          .prepare(
            `INSERT INTO boundary_layers (name, code_field, name_field, file_name, sha256, source_crs, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(name, codeField, nameField, fileName, sha256, sourceCrs, new Date().toISOString())
          .lastInsertRowid,
      );
      const insert = db.prepare(
        `INSERT INTO boundary_features (layer_id, code, name, geometry, min_x, min_y, max_x, max_y, area_m2)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      let stored = 0;
      file.features.forEach((feature, index) => {
        const code = feature.properties[codeField];
        if (code === null || code === undefined || String(code).trim() === '') {
          skipped.push({ index, reason: `feature ${index + 1} has no ${codeField}` });
          return;
        }
        let coordinates: number[][][] | number[][][][];
        try {
          coordinates = transformCoords(feature.geometry.coordinates, toProject) as
            | number[][][]
            | number[][][][];
        } catch (error) {
          skipped.push({ index, reason: `feature ${index + 1}: ${(error as Error).message}` });
          return;
        }
        const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
        bboxOf(coordinates, box);
        if (!Number.isFinite(box[0])) {
          skipped.push({ index, reason: `feature ${index + 1} has an empty geometry` });
          return;
        }
        const featureName = nameField ? feature.properties[nameField] : null;
        insert.run(
          id,
          String(code).trim(),
          featureName === null || featureName === undefined ? null : String(featureName),
          JSON.stringify({ type: feature.geometry.type, coordinates }),
          ...box,
          polygonAreaM2(coordinates),
        );
        stored++;
        if (stored % 500 === 0) progress(index + 1, file.features.length, 'Importing boundaries');
      });
      if (stored === 0)
        throw refused(`No feature of ${fileName} has a ${codeField}; choose another code field`);
      storeDenominator(
        db,
        id,
        detectDenominator(
          file.fields,
          file.features.map((f) => f.properties),
          codeField,
        ),
      );
      appendAudit(db, 'import-boundaries', {
        layerId: id,
        name,
        fileName,
        sha256,
        sourceCrs,
        features: stored,
        skipped: skipped.length,
      });
      return id;
    })
    .immediate();
  progress(file.features.length, file.features.length, 'Boundaries imported');
  return { layer: getBoundaryLayerInfo(db, layerId), skipped };
}
