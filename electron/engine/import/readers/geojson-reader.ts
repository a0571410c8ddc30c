/**
 * GeoJSON reader: a FeatureCollection of Point features becomes a table whose columns are the
 * features' property names (in order of first appearance) plus the point's coordinates as `lon`
 * and `lat` (RFC 7946: WGS84), or `x` and `y` when the file carries a legacy `crs` member naming a
 * projected CRS (e.g. EPSG:27700); info.geojsonCrs then says which, for the mapping. Feature i is
 * row i + 2, as if the header were row 1. Polygons and lines are boundary layers, not events: a
 * file with any such feature is refused, naming the first one. The file is parsed whole (capped).
 */
import { readFile } from 'node:fs/promises';
import { cleanHeaders } from './headers.js';
import type { Sniffed } from './sniff.js';
import { ImportFileError, type OpenedTable, READER_LIMITS, rowsOf, type TableRow } from './table.js';

const BATCH_ROWS = 5000;

interface Feature {
  type?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The CRS named by a legacy `crs` member, or null for WGS84 / none. */
function crsName(doc: { crs?: unknown }): string | null {
  const crs = doc.crs as { properties?: { name?: unknown } } | undefined;
  const name = crs?.properties?.name;
  if (typeof name !== 'string') return null;
  const epsg = /EPSG:{1,2}(\d+)/i.exec(name);
  if (!epsg) return /CRS84/i.test(name) ? null : name;
  return epsg[1] === '4326' ? null : `EPSG:${epsg[1]}`;
}

export async function openGeojson(path: string, fileName: string, sniffed: Sniffed): Promise<OpenedTable> {
  if (sniffed.sizeBytes > READER_LIMITS.maxGeojsonBytes) {
    throw new ImportFileError(
      'bad-geojson',
      fileName,
      'GeoJSON file is too large to read whole: convert it to CSV',
    );
  }
  let doc: { type?: unknown; features?: unknown; crs?: unknown };
  try {
    doc = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError('bad-geojson', fileName, `not valid JSON (${(error as Error).message})`);
  }
  if (
    doc === null ||
    typeof doc !== 'object' ||
    doc.type !== 'FeatureCollection' ||
    !Array.isArray(doc.features)
  ) {
    const what =
      doc && typeof doc === 'object' && typeof doc.type === 'string' ? `a ${doc.type}` : 'not GeoJSON';
    throw new ImportFileError(
      'bad-geojson',
      fileName,
      `expected a GeoJSON FeatureCollection of points, got ${what}`,
    );
  }
  const features = doc.features as Feature[];
  if (features.length === 0)
    throw new ImportFileError('empty', fileName, 'the FeatureCollection has no features');
  const projected = crsName(doc);
  const keys = new Map<string, number>();
  features.forEach((feature, i) => {
    const type = feature?.geometry?.type;
    if (feature?.type !== 'Feature' || (feature.geometry !== null && type !== 'Point')) {
      throw new ImportFileError(
        'bad-geojson',
        fileName,
        feature?.type !== 'Feature'
          ? 'this entry is not a Feature'
          : `${String(type)} geometry: only points are events (load polygons as a boundary layer)`,
        i + 2,
      );
    }
    for (const key of Object.keys(feature.properties ?? {})) if (!keys.has(key)) keys.set(key, keys.size);
  });
  if (keys.size + 2 > READER_LIMITS.maxColumns) {
    throw new ImportFileError(
      'too-many-columns',
      fileName,
      `${keys.size} property names; at most ${READER_LIMITS.maxColumns} are read`,
    );
  }
  const propertyNames = [...keys.keys()];
  const coordinateNames = projected ? ['x', 'y'] : ['lon', 'lat'];
  const headers = cleanHeaders([...propertyNames, ...coordinateNames]);
  let closed = false;

  async function* batches(): AsyncGenerator<TableRow[]> {
    let batch: TableRow[] = [];
    for (let i = 0; i < features.length && !closed; i++) {
      const feature = features[i]!;
      const cells = propertyNames.map((key) => propertyText(feature.properties?.[key]));
      const coordinates = feature.geometry?.coordinates;
      const [a, b] = Array.isArray(coordinates) ? coordinates : [];
      cells.push(propertyText(a), propertyText(b));
      batch.push({ rowNumber: i + 2, cells });
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  const shared = batches();
  return {
    headers,
    batches: shared,
    rows: rowsOf(shared),
    info: {
      format: 'geojson',
      encoding: 'utf-8',
      delimiter: null,
      bom: false,
      sizeBytes: sniffed.sizeBytes,
      ...(projected ? { geojsonCrs: projected } : {}),
    },
    close: async () => {
      closed = true;
    },
  };
}
