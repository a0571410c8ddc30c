import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteBoundaryLayer,
  getBoundaryLayerGeoJson,
  listBoundaryLayers,
} from '../../../../../electron/engine/boundaries/boundary-layers.js';
import { countByArea } from '../../../../../electron/engine/boundaries/count-by-area.js';
import { importBoundaries } from '../../../../../electron/engine/boundaries/import-boundaries.js';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import { queryRecords } from '../../../../../electron/engine/query/query-records.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { csv, mapping, NOW_MS, type TempProject, tempProject } from '../import/helpers.js';
import { shapefileZip, squareRing } from './write-shapefile-zip.js';

let t: TempProject;
beforeEach(() => {
  t = tempProject();
});
afterEach(() => t.cleanup());

const A = squareRing(451000, 206000, 1000);
const B = squareRing(452000, 206000, 1000);

function importLayer(file: string, extra: Partial<Parameters<typeof importBoundaries>[1]> = {}) {
  return importBoundaries(t.project.db, { filePath: file, name: 'LSOA', projectCrs: 'EPSG:27700', ...extra });
}

async function importRecords() {
  const points = csv([
    ['x', 'y', 'd'],
    [451100, 206100, '01/01/2024'],
    [451900, 206900, '01/01/2024'],
    [451500, 206500, '02/01/2024'],
    [452500, 206500, '02/01/2024'],
    [460000, 206500, '02/01/2024'],
  ]);
  const areas = csv([
    ['code', 'd'],
    ['e01000002', '01/01/2024'],
    ['E01000002', '01/01/2024'],
    ['X99', '01/01/2024'],
  ]);
  const base = { projectCrs: 'EPSG:27700', pii: [], nowMs: NOW_MS };
  await runImport(t.project.db, {
    ...base,
    filePath: t.file('p.csv', points),
    dataset: 'Points',
    mapping: mapping({ fields: { x: 'x', y: 'y', date: 'd' }, timeShape: 'date', sourceCrs: 'EPSG:27700' }),
  });
  await runImport(t.project.db, {
    ...base,
    filePath: t.file('a.csv', areas),
    dataset: 'A&E',
    mapping: mapping({ fields: { area: 'code', date: 'd' }, timeShape: 'date' }),
  });
}

describe('boundary import', () => {
  it('reads a zipped shapefile with its .prj, detects the code and name fields, stores areas and boxes', async () => {
    const zip = t.file(
      'lsoa.zip',
      shapefileZip([
        { ring: A, props: { LSOA21CD: 'E01000001', LSOA21NM: 'Alpha 001A' } },
        { ring: B, props: { LSOA21CD: 'E01000002', LSOA21NM: 'Beta 001B' } },
      ]),
    );
    const { layer, skipped } = await importLayer(zip);
    expect(skipped).toEqual([]);
    expect(layer).toMatchObject({
      name: 'LSOA',
      codeField: 'LSOA21CD',
      nameField: 'LSOA21NM',
      sourceCrs: 'EPSG:27700',
      features: 2,
      bbox: [451000, 206000, 453000, 207000],
    });
    const rows = t.project.db
      .prepare('SELECT code, name, area_m2, min_x, max_y FROM boundary_features ORDER BY id')
      .all();
    expect(rows).toEqual([
      { code: 'E01000001', name: 'Alpha 001A', area_m2: 1_000_000, min_x: 451000, max_y: 207000 },
      { code: 'E01000002', name: 'Beta 001B', area_m2: 1_000_000, min_x: 452000, max_y: 207000 },
    ]);
    expect(listBoundaryLayers(t.project.db).map((l) => l.name)).toEqual(['LSOA']);
  });

  it('refuses a shapefile without .prj whose coordinates are not degrees, unless the CRS is given', async () => {
    const zip = t.file('noprj.zip', shapefileZip([{ ring: A, props: { CODE: 'A' } }], null));
    await expect(importLayer(zip)).rejects.toMatchObject({ code: 'refused', message: /no \.prj/ });
    await expect(importLayer(zip, { sourceCrs: 'EPSG:27700' })).resolves.toMatchObject({
      layer: { features: 1 },
    });
  });

  it('reads GeoJSON as WGS84 by default (RFC 7946) and gives it back in WGS84 for the map', async () => {
    const toWgs = makeTransform('EPSG:27700', 'EPSG:27700').projectToWgs84;
    const ring = A.map(([x, y]) => toWgs(x, y));
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { ward_code: 'W1', ward_name: 'Ward one' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
        {
          type: 'Feature',
          properties: { ward_code: 'W2' },
          geometry: { type: 'Point', coordinates: [0, 51] },
        },
      ],
    };
    const { layer, skipped } = await importLayer(t.file('wards.geojson', JSON.stringify(geojson)));
    expect(layer).toMatchObject({ sourceCrs: 'EPSG:4326', codeField: 'ward_code', features: 1 });
    expect(skipped).toEqual([{ index: 1, reason: 'feature 2 is Point, not a polygon' }]);
    const stored = t.project.db.prepare('SELECT geometry, area_m2 FROM boundary_features').get() as {
      geometry: string;
      area_m2: number;
    };
    const back = JSON.parse(stored.geometry).coordinates[0] as number[][];
    back.forEach(([x, y], i) => {
      // WGS84 → OSGB36 and back through the Helmert shift: round trip good to a few millimetres.
      expect(x).toBeCloseTo(A[i]![0], 2);
      expect(y).toBeCloseTo(A[i]![1], 2);
    });
    expect(stored.area_m2).toBeCloseTo(1_000_000, 0);
    const out = getBoundaryLayerGeoJson(t.project.db, layer.id, 'EPSG:27700');
    expect(out.features[0]!.properties).toMatchObject({ code: 'W1', name: 'Ward one' });
    out.features[0]!.geometry.coordinates[0]!.forEach((p, i) => {
      expect((p as number[])[0]).toBeCloseTo(ring[i]![0], 6);
      expect((p as number[])[1]).toBeCloseTo(ring[i]![1], 6);
    });
  });

  it('takes the CRS from a GeoJSON 2008 crs member', async () => {
    const geojson = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
      features: [
        { type: 'Feature', properties: { code: 'Z' }, geometry: { type: 'Polygon', coordinates: [A] } },
      ],
    };
    const { layer } = await importLayer(t.file('bng.geojson', JSON.stringify(geojson)));
    expect(layer).toMatchObject({ sourceCrs: 'EPSG:27700', bbox: [451000, 206000, 452000, 207000] });
  });

  it('refuses a second layer with the same name, and deletes a layer', async () => {
    const zip = t.file('lsoa.zip', shapefileZip([{ ring: A, props: { CODE: 'A' } }]));
    const { layer } = await importLayer(zip);
    await expect(importLayer(zip)).rejects.toMatchObject({
      code: 'refused',
      message: /already a boundary layer called "LSOA"/,
    });
    expect(deleteBoundaryLayer(t.project.db, layer.id)).toBe(true);
    expect(t.project.db.prepare('SELECT COUNT(*) FROM boundary_features').pluck().get()).toBe(0);
  });
});

describe('countByArea', () => {
  it('counts points by containment and area-only records by code, reporting unmatched codes', async () => {
    const zip = t.file(
      'lsoa.zip',
      shapefileZip([
        { ring: A, props: { CODE: 'E01000001' } },
        { ring: B, props: { CODE: 'E01000002' } },
      ]),
    );
    const { layer } = await importLayer(zip);
    await importRecords();
    const counts = countByArea(t.project.db, {}, layer.id);
    expect(counts.areas.map((a) => [a.code, a.count])).toEqual([
      ['E01000001', 3],
      ['E01000002', 3],
    ]);
    expect(counts).toMatchObject({ fromPoints: 4, fromCodes: 2, unmatched: 1 });
    // The same feature as a query area: its points, plus its area-only records in summaries.
    const featureId = counts.areas[1]!.featureId;
    expect(queryRecords(t.project.db, { area: { boundaryFeatureId: featureId } }).count).toBe(1);
  });
});
