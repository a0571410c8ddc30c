/**
 * Reads a boundary file into polygon features and their source CRS:
 *
 *   GeoJSON        FeatureCollection (or one Feature); CRS from the analyst, else the 2008 `crs`
 *                  member, else WGS84 as RFC 7946 requires
 *   zipped .shp    one .shp with its .dbf (attributes), .cpg (encoding) and .prj (CRS), parsed by
 *                  shpjs without its own reprojection (see prj-crs.ts for why); a zip of several
 *                  .shp is refused naming them
 *
 * Only Polygon and MultiPolygon features are kept; every other feature is counted as skipped with a
 * reason, never dropped silently. Limits keep a hostile file from exhausting memory.
 */
import { readFile, stat } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { iter } from 'but-unzip';
import { ApiError } from '../../../shared/api/errors.js';
import { findZipEnd } from '../import/readers/zip-directory.js';
import { crsFromGeoJsonName, crsFromPrj } from './prj-crs.js';

export const MAX_BOUNDARY_FILE_BYTES = 512 * 1024 * 1024;
const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;
const MAX_ZIP_RATIO = 200;
const ZIP_RATIO_SLACK = 1024 * 1024;

export interface BoundaryInput {
  properties: Record<string, unknown>;
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface BoundaryFile {
  format: 'geojson' | 'shapefile';
  features: BoundaryInput[];
  /** Property names in first-seen order. */
  fields: string[];
  /** Where the CRS came from, or null when the file does not say (then the caller decides). */
  crs: string | null;
  skipped: { index: number; reason: string }[];
}

function refused(message: string): ApiError {
  return new ApiError('refused', message);
}

/** Rings of at least 4 positions of finite numbers (a closed triangle at least). */
function isPolygonRings(rings: unknown): boolean {
  return (
    Array.isArray(rings) &&
    rings.length > 0 &&
    rings.every(
      (ring) =>
        Array.isArray(ring) &&
        ring.length >= 4 &&
        ring.every(
          (p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]),
        ),
    )
  );
}

function collect(raw: unknown[], crs: string | null, format: BoundaryFile['format']): BoundaryFile {
  const features: BoundaryInput[] = [];
  const skipped: BoundaryFile['skipped'] = [];
  const fields = new Set<string>();
  raw.forEach((f, index) => {
    const feature = f as {
      geometry?: { type?: string; coordinates?: unknown };
      properties?: Record<string, unknown>;
    };
    const type = feature?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      skipped.push({ index, reason: `feature ${index + 1} is ${type ?? 'without geometry'}, not a polygon` });
      return;
    }
    if (!Array.isArray(feature.geometry!.coordinates)) {
      skipped.push({ index, reason: `feature ${index + 1} has no coordinates` });
      return;
    }
    const polygons = (
      type === 'Polygon' ? [feature.geometry!.coordinates] : feature.geometry!.coordinates
    ) as unknown[];
    if (!polygons.every(isPolygonRings)) {
      skipped.push({
        index,
        reason: `feature ${index + 1} has a ring of fewer than 4 points or without numbers`,
      });
      return;
    }
    const properties = feature.properties && typeof feature.properties === 'object' ? feature.properties : {};
    for (const key of Object.keys(properties)) fields.add(key);
    features.push({ properties, geometry: feature.geometry as BoundaryInput['geometry'] });
  });
  return { format, features, fields: [...fields], crs, skipped };
}

function readGeoJson(bytes: Buffer, fileName: string): BoundaryFile {
  let json: { type?: string; features?: unknown[]; crs?: { properties?: { name?: string } } };
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw refused(`${fileName} is not valid GeoJSON: ${(error as Error).message}`);
  }
  const list = json?.type === 'FeatureCollection' ? json.features : json?.type === 'Feature' ? [json] : null;
  if (!Array.isArray(list)) throw refused(`${fileName} is not a GeoJSON FeatureCollection or Feature`);
  const crsName = json.crs?.properties?.name;
  let crs: string | null = null;
  if (typeof crsName === 'string') {
    crs = crsFromGeoJsonName(crsName);
    if (crs === null)
      throw refused(`${fileName} declares CRS "${crsName}", which is not in the bundled list; give the CRS`);
  }
  return collect(list, crs, 'geojson');
}

async function readZippedShapefile(bytes: Buffer, fileName: string): Promise<BoundaryFile> {
  const { features, crs } = await readShapefileFeatures(bytes, fileName);
  return collect(features, crs, 'shapefile');
}

/**
 * The features of a zipped shapefile as GeoJSON-like objects (any geometry type: reference lines
 * read their lines from it too), with the CRS its .prj names, or null without a .prj.
 */
export async function readShapefileFeatures(
  bytes: Buffer,
  fileName: string,
): Promise<{ features: { geometry: unknown; properties: Record<string, unknown> }[]; crs: string | null }> {
  if (findZipEnd(bytes) < 0) {
    throw refused(`${fileName} is not a readable zip: it is cut short or damaged (no zip directory)`);
  }
  const files = new Map<string, Uint8Array>();
  const entries = [];
  try {
    for (const entry of iter(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
      if (entry.filename.includes('__MACOSX') || !/\.(shp|dbf|prj|cpg)$/i.test(entry.filename)) continue;
      entries.push(entry);
    }
  } catch (error) {
    throw refused(`${fileName} is not a readable zip of a shapefile: ${(error as Error).message}`);
  }
  // Several layers in one zip: say which, rather than silently reading the first.
  const shapes = entries.filter((entry) => /\.shp$/i.test(entry.filename)).map((entry) => entry.filename);
  if (shapes.length === 0) throw refused(`${fileName} holds no .shp file`);
  if (shapes.length > 1) {
    const listed =
      shapes.slice(0, 5).join(', ') + (shapes.length > 5 ? ` and ${shapes.length - 5} more` : '');
    throw refused(
      `${fileName} holds ${shapes.length} shapefiles (${listed}): zip one layer's .shp, .dbf, .prj and .cpg on their own`,
    );
  }
  let unzipped = 0;
  // Inflation is bounded twice: the whole zip by MAX_UNZIPPED_BYTES, each entry by MAX_ZIP_RATIO
  // times its compressed size (a zip bomb of zeros inflates ~1000:1; real shapefiles ~2–20:1).
  const inflate = (raw: Uint8Array) =>
    inflateRawSync(raw, {
      maxOutputLength: Math.min(
        MAX_UNZIPPED_BYTES - unzipped,
        raw.byteLength * MAX_ZIP_RATIO + ZIP_RATIO_SLACK,
      ),
    });
  try {
    for (const entry of iter(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), inflate)) {
      if (!entries.some((e) => e.filename === entry.filename)) continue;
      const data = await entry.read();
      unzipped += data.byteLength;
      files.set(entry.filename.toLowerCase(), data);
    }
  } catch (error) {
    const message = (error as Error).message;
    throw refused(
      /buffer|length|too large/i.test(message)
        ? `${fileName} unpacks to far more than it holds (a zip bomb?): it was not read`
        : `${fileName} is not a readable zip of a shapefile: ${message}`,
    );
  }
  const shpName = [...files.keys()].find((name) => name.endsWith('.shp'))!;
  const base = shpName.slice(0, -4);
  const shp = files.get(shpName)!;
  const dbf = files.get(`${base}.dbf`);
  const prj = files.get(`${base}.prj`);
  const cpg = files.get(`${base}.cpg`);
  let crs: string | null = null;
  if (prj) {
    const wkt = new TextDecoder().decode(prj);
    crs = crsFromPrj(wkt);
    if (crs === null)
      throw refused(`the .prj of ${fileName} names a CRS that is not in the bundled list; give the CRS`);
  }
  if (dbf) refuseShortDbf(dbf, fileName);
  let geometries: unknown[];
  let records: Record<string, unknown>[] = [];
  // Loaded on first use, so worker threads that never read a shapefile start faster.
  const { parseDbf, parseShp } = await import('shpjs');
  try {
    geometries = parseShp(new DataView(shp.buffer, shp.byteOffset, shp.byteLength)) as unknown[];
    if (dbf) {
      records = parseDbf(
        new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength),
        cpg ? new TextDecoder().decode(cpg) : undefined,
      ) as Record<string, unknown>[];
    }
  } catch (error) {
    throw refused(`${fileName}: the shapefile cannot be read: ${(error as Error).message}`);
  }
  return { features: geometries.map((geometry, i) => ({ geometry, properties: records[i] ?? {} })), crs };
}

/**
 * A .dbf whose header promises more records than its bytes hold is refused before shpjs reads it
 * (shpjs loops over the promised count: 2³¹ records hung the import).
 */
function refuseShortDbf(dbf: Uint8Array, fileName: string): void {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.byteLength < 32) throw refused(`${fileName}: the .dbf is cut short (no header)`);
  const records = view.getUint32(4, true);
  const headerBytes = view.getUint16(8, true);
  const recordBytes = view.getUint16(10, true);
  if (headerBytes + records * recordBytes > dbf.byteLength || (records > 0 && recordBytes === 0)) {
    throw refused(
      `${fileName}: the .dbf says it holds ${records.toLocaleString('en-GB')} records but is too short for them (damaged?)`,
    );
  }
}

/** A zip's first bytes (a local file header): a zipped shapefile rather than GeoJSON text. */
export function isZipBytes(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readBoundaryFile(path: string, fileName: string): Promise<BoundaryFile> {
  const size = (await stat(path)).size;
  if (size === 0) throw refused(`${fileName} is empty`);
  if (size > MAX_BOUNDARY_FILE_BYTES) throw refused(`${fileName} is larger than 512 MB`);
  const bytes = await readFile(path);
  return isZipBytes(bytes) ? readZippedShapefile(bytes, fileName) : readGeoJson(bytes, fileName);
}
