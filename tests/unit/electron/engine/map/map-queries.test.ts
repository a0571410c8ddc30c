import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteReferenceLayer } from '../../../../../electron/engine/boundaries/delete-reference-layer.js';
import { importBoundaries } from '../../../../../electron/engine/boundaries/import-boundaries.js';
import { referenceLinesGeoJson } from '../../../../../electron/engine/boundaries/reference-lines-geojson.js';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import {
  importReferenceLines,
  listReferenceLayers,
} from '../../../../../electron/engine/profile/reference-lines.js';
import { areaChoropleth } from '../../../../../electron/engine/query/area-choropleth.js';
import { recordBounds } from '../../../../../electron/engine/query/record-bounds.js';
import { recordRows } from '../../../../../electron/engine/query/record-rows.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { wallClockMs } from '../../../../../shared/model/time.js';
import { shapefileZip, squareRing } from '../boundaries/write-shapefile-zip.js';
import { csv, mapping, NOW_MS, type TempProject, tempProject } from '../import/helpers.js';

let t: TempProject;
beforeEach(() => {
  t = tempProject();
});
afterEach(() => t.cleanup());

const base = { projectCrs: 'EPSG:27700', pii: [], nowMs: NOW_MS };
const wgs = makeTransform('EPSG:27700', 'EPSG:27700').projectToWgs84;

async function importPoints() {
  return runImport(t.project.db, {
    ...base,
    filePath: t.file(
      'p.csv',
      csv([
        ['ref', 'x', 'y', 'from', 'to', 'type', 'where', 'entry'],
        ['P1', 451000, 206000, '03/02/2024 22:00', '04/02/2024 07:30', 'Burglary', 'High St', 'side door'],
        ['P2', 452000, 207000, '05/02/2024 10:00', '05/02/2024 10:00', 'Theft', 'Low St', ''],
      ]),
    ),
    dataset: 'Crimes',
    mapping: mapping({
      fields: {
        reference: 'ref',
        x: 'x',
        y: 'y',
        date_from: 'from',
        date_to: 'to',
        category: 'type',
        location: 'where',
      },
      timeShape: 'window',
      sourceCrs: 'EPSG:27700',
    }),
  });
}

async function importAreas() {
  return runImport(t.project.db, {
    ...base,
    filePath: t.file(
      'a.csv',
      csv([
        ['code', 'd'],
        ['AS1', '01/01/2024'],
        ['as1', '02/01/2024'],
        ['AS2', '02/01/2024'],
        ['ZZ9', '02/01/2024'],
      ]),
    ),
    dataset: 'Admissions',
    mapping: mapping({ fields: { area: 'code', date: 'd' }, timeShape: 'date' }),
  });
}

function layer(name: string, codes: [string, string]) {
  const zip = t.file(
    `${name}.zip`,
    shapefileZip([
      { ring: squareRing(451000, 206000, 1000), props: { CODE: codes[0] } },
      { ring: squareRing(452000, 206000, 1000), props: { CODE: codes[1] } },
    ]),
  );
  return importBoundaries(t.project.db, { filePath: zip, name, projectCrs: 'EPSG:27700' });
}

describe('recordRows', () => {
  it('reads records whole by id, in the order asked, with the window, precision and named attributes', async () => {
    await importPoints();
    const ids = t.project.db.prepare('SELECT id FROM records ORDER BY id').pluck().all() as number[];
    const rows = recordRows(t.project.db, [ids[1]!, 999_999, ids[0]!]);
    expect(rows.map((r) => r.reference)).toEqual(['P2', 'P1']);
    expect(rows[1]).toMatchObject({
      category: 'Burglary',
      location: 'High St',
      precision: 'window',
      fromMs: wallClockMs(2024, 2, 3, 22, 0),
      attrs: { entry: 'side door' },
    });
    expect(rows[1]!.toMs).toBe(wallClockMs(2024, 2, 4, 7, 30));
    expect(rows[0]).toMatchObject({ precision: 'exact', attrs: {} });
    expect(recordRows(t.project.db, [])).toEqual([]);
  });
});

describe('recordBounds', () => {
  it('spans the selected points in lon/lat, and is null when the selection has none', async () => {
    const { datasetId } = await importPoints();
    const [w, s] = wgs(451000, 206000);
    const [e, n] = wgs(452000, 207000);
    const box = recordBounds(t.project.db, {})!;
    expect(box[0]).toBeCloseTo(Math.min(w, e), 9);
    expect(box[1]).toBeCloseTo(Math.min(s, n), 9);
    expect(box[2]).toBeCloseTo(Math.max(w, e), 9);
    expect(box[3]).toBeCloseTo(Math.max(s, n), 9);
    expect(recordBounds(t.project.db, { datasetIds: [datasetId! + 1] })).toBeNull();
    expect(recordBounds(t.project.db, { categories: ['Theft'] })![0]).toBeCloseTo(e, 9);
  });
});

describe('areaChoropleth', () => {
  it('counts area-only records on the layer whose codes match the most, never counting points', async () => {
    await importPoints();
    const { datasetId } = await importAreas();
    await layer('Wards', ['W1', 'AS2']);
    const { layer: districts } = await layer('Districts', ['AS1', 'AS2']);
    const result = areaChoropleth(t.project.db, {})!;
    expect(result.layerId).toBe(districts.id);
    expect(result.layerName).toBe('Districts');
    expect(result.datasetIds).toEqual([datasetId]);
    expect(result.counts.areas.map((a) => [a.code, a.count])).toEqual([
      ['AS1', 2],
      ['AS2', 1],
    ]);
    expect(result.counts).toMatchObject({ fromPoints: 0, fromCodes: 3, unmatched: 1 });
  });

  it('is null without area-only data in the filter or without a matching layer', async () => {
    const points = await importPoints();
    await importAreas();
    expect(areaChoropleth(t.project.db, {})).toBeNull();
    await layer('Wards', ['W1', 'W2']);
    expect(areaChoropleth(t.project.db, {})).toBeNull();
    await layer('Districts', ['AS1', 'AS2']);
    expect(areaChoropleth(t.project.db, { datasetIds: [points.datasetId!] })).toBeNull();
  });
});

describe('reference lines for the map', () => {
  it('gives the stored lines back in lon/lat with their names and road class, and deletes a layer', async () => {
    const [lon0, lat0] = wgs(451000, 206000);
    const [lon1, lat1] = wgs(451500, 206000);
    const file = t.file(
      'streets.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'High Street', kind: 'primary' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [lon0, lat0],
                [lon1, lat1],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { kind: 'residential' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [lon0, lat0],
                [lon0, lat1 + 0.001],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon0, lat0] } },
        ],
      }),
    );
    const imported = await importReferenceLines(t.project.db, {
      filePath: file,
      name: 'Streets',
      projectCrs: 'EPSG:27700',
    });
    expect(imported.skipped).toBe(1);
    const geo = referenceLinesGeoJson(t.project.db, 'EPSG:27700');
    expect(geo.features.map((f) => [f.properties.name, f.properties.major])).toEqual([
      ['High Street', true],
      [null, false],
    ]);
    const [start, end] = geo.features[0]!.geometry.coordinates[0]!;
    expect(start![0]).toBeCloseTo(lon0, 6);
    expect(start![1]).toBeCloseTo(lat0, 6);
    expect(end![0]).toBeCloseTo(lon1, 6);
    expect(deleteReferenceLayer(t.project.db, imported.id)).toBe(true);
    expect(listReferenceLayers(t.project.db)).toEqual([]);
    expect(referenceLinesGeoJson(t.project.db, 'EPSG:27700').features).toEqual([]);
  });
});
