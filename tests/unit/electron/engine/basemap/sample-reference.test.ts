import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { writeStoredBasemap } from '../../../../../electron/engine/basemap/basemap-store.js';
import { bundledReference } from '../../../../../electron/engine/basemap/sample-reference.js';
import { migrate } from '../../../../../electron/engine/project/migrate.js';
import { renderStaticMap } from '../../../../../shared/cartography/static-map.js';

const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const sample = (name: string) =>
  JSON.parse(readFileSync(`resources/sample/${name}`, 'utf8')) as GeoJSON.FeatureCollection<
    GeoJSON.LineString | GeoJSON.Polygon
  >;

function projectWithRecordAt(x: number, y: number): Database.Database {
  const db = new Database(':memory:');
  migrate(db);
  db.exec(`INSERT INTO datasets (id, name, geometry, created_at) VALUES (1, 'Crimes', 'points', '');
    INSERT INTO imports (id, dataset_id, file_name, file_size, sha256, mapping_json, rows_read, rows_accepted,
      rows_warned, rows_rejected, started_at, finished_at) VALUES (1, 1, 'a.csv', 1, '', '{}', 1, 1, 0, 0, '', '');`);
  db.prepare(
    'INSERT INTO records (dataset_id, import_id, x, y, from_ms, to_ms, precision) VALUES (1, 1, ?, ?, 0, 0, 0)',
  ).run(x, y);
  return db;
}

describe('bundledReference(db, crs)', () => {
  it('gives the sample town’s streets and river, the same as resources/sample (compared in WGS84 by proj4)', () => {
    const ref = bundledReference(projectWithRecordAt(372_000, 455_000), 'EPSG:27700')!;
    const streets = sample('streets.geojson');
    expect(ref.streets.map((s) => s.name)).toEqual(streets.features.map((f) => f.properties?.['name']));
    for (const i of [0, 50, 188]) {
      const [lon, lat] = proj4(BNG, 'WGS84', ref.streets[i]!.coords[0]!);
      const [flon, flat] = (streets.features[i]!.geometry as GeoJSON.LineString).coordinates[0]!;
      expect(Math.abs(lon! - flon!)).toBeLessThan(2e-5);
      expect(Math.abs(lat! - flat!)).toBeLessThan(2e-5);
    }
    expect(ref.streets.filter((s) => s.major).length).toBe(21);
    const river = sample('water.geojson').features[0]!;
    expect(ref.water.map((w) => w.label)).toEqual([river.properties?.['name']]);
    const ring = ref.water[0]!.polygons[0]![0]!;
    expect(ring.length).toBe((river.geometry as GeoJSON.Polygon).coordinates[0]!.length);
  });

  it('adds nothing when the records lie elsewhere or the project has another basemap', () => {
    expect(bundledReference(projectWithRecordAt(530_000, 180_000), 'EPSG:27700')).toBeNull();
    const db = projectWithRecordAt(372_000, 455_000);
    writeStoredBasemap(db, { kind: 'none', opacity: 1 });
    expect(bundledReference(db, 'EPSG:27700')).toBeNull();
  });
});

describe('renderStaticMap water', () => {
  const water = [
    {
      polygons: [
        [
          [
            [0, 0],
            [100, 0],
            [100, 20],
            [0, 20],
            [0, 0],
          ],
        ],
      ],
      label: 'River',
    },
  ];
  it('draws water in view under everything, with a legend entry', () => {
    const svg = renderStaticMap({
      extent: { minX: -50, minY: -50, maxX: 150, maxY: 150 },
      widthPx: 400,
      heightPx: 300,
      water,
      boundaries: [],
    });
    expect(svg).toContain('<g class="water">');
    expect(svg).toContain('>Water<');
    expect(svg.indexOf('class="water"')).toBeLessThan(svg.indexOf('class="boundaries"'));
  });
  it('leaves out water that is not in view, legend and all', () => {
    const svg = renderStaticMap({
      extent: { minX: 500, minY: 500, maxX: 700, maxY: 700 },
      widthPx: 400,
      heightPx: 300,
      water,
    });
    expect(svg).not.toContain('class="water"');
    expect(svg).not.toContain('>Water<');
  });
});
