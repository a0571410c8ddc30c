import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliRefusal, CliUsageError } from '../../../../../electron/cli/command.js';
import { kdeCommand } from '../../../../../electron/cli/commands/kde.js';
import { createProject } from '../../../../../electron/engine/project/open-project.js';
import { readEsriAsciiGrid } from '../../../../../shared/analysis/grid-io/esri-ascii.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';
import { bruteForceDensity } from '../../../shared/analysis/kde/brute-force.js';
import { BNG_CSV_HEADER, importBngCsv } from '../../engine/bng-csv.js';
import { captureIo, tempDir } from '../cli-harness.js';

const dir = tempDir('hotspot-kde-');

/** 200 events around (531 000, 181 000) and 100 scattered over 3 km, with weights 1–3. */
function plantedCsv(header: boolean): { path: string; x: number[]; y: number[]; w: number[] } {
  const random = new Random(8);
  const x: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < 300; i++) {
    const cluster = i < 200;
    x.push(Math.round((cluster ? random.normal(531_000, 80) : random.uniform(529_500, 532_500)) * 100) / 100);
    y.push(Math.round((cluster ? random.normal(181_000, 80) : random.uniform(179_500, 182_500)) * 100) / 100);
    w.push(random.int(1, 3));
  }
  const lines = x.map((v, i) => `${i + 1},${v},${y[i]},${w[i]}`);
  const path = join(dir, header ? 'events.csv' : 'events-no-header.csv');
  writeFileSync(path, `${header ? 'ref,Easting,Northing,ksi\n' : ''}${lines.join('\n')}\n`);
  return { path, x, y, w };
}

describe('hotspot kde', () => {
  it('writes an ESRI grid equal to the brute-force density, and numbered hotspots as GeoJSON', async () => {
    const { path, x, y, w } = plantedCsv(true);
    const out = join(dir, 'surface.asc');
    const geo = join(dir, 'hotspots.geojson');
    const cap = captureIo();
    const code = await kdeCommand.run(
      [
        path,
        '--x',
        'easting',
        '--y',
        'Northing',
        '--weight',
        'ksi',
        '--cell',
        '25',
        '--bandwidth',
        '150',
        '--out',
        out,
        '--hotspots',
        geo,
        '--threshold',
        'mean-multiple:3',
      ],
      cap.io,
    );
    expect(code).toBe(0);
    const grid = readEsriAsciiGrid(readFileSync(out, 'utf8'));
    expect(grid.cellSizeM).toBe(25);
    expect(grid.originX).toBeCloseTo(Math.min(...x) - 150, 6);
    const expected = bruteForceDensity(grid, x, y, 'quartic', 150, w);
    // The file holds 10 significant digits.
    for (let i = 0; i < expected.length; i++)
      expectClose(grid.values[i], expected[i], 1e-9 + 5e-10 * expected[i]);
    const collection = JSON.parse(readFileSync(geo, 'utf8'));
    expect(collection.type).toBe('FeatureCollection');
    const first = collection.features[0];
    expect(first.properties.rank).toBe(1);
    expect(first.properties.events).toBeGreaterThan(120);
    expect(first.properties.unit).toBe('events per km²');
    // The outline is in WGS84 around the planted centre (531 000, 181 000) in BNG.
    const [lon0, lat0] = makeTransform('EPSG:27700', 'EPSG:27700').projectToWgs84(531_000, 181_000);
    const ring: [number, number][] = first.geometry.coordinates[0];
    const lon = ring.reduce((a, p) => a + p[0], 0) / ring.length;
    const lat = ring.reduce((a, p) => a + p[1], 0) / ring.length;
    expect(Math.abs(lon - lon0)).toBeLessThan(0.002);
    expect(Math.abs(lat - lat0)).toBeLessThan(0.001);
    const text = cap.out.join('\n');
    expect(text).toContain('Events used: 300');
    expect(text).toContain('Kernel: quartic (default); bandwidth 150 m; cell 25 m');
    expect(text).toMatch(/Hotspots: \d+, written to/);
    // RFC 7946: the outline's exterior ring anticlockwise (shoelace sum written here, > 0).
    let twiceArea = 0;
    for (let i = 0; i + 1 < ring.length; i++)
      twiceArea += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
    expect(twiceArea).toBeGreaterThan(0);
  });

  it('writes the grid’s CRS beside it as surface.prj (ESRI WKT of British National Grid)', async () => {
    const { path } = plantedCsv(true);
    const out = join(dir, 'with-prj.asc');
    const cap = captureIo();
    expect(await kdeCommand.run([path, '--x', 'easting', '--y', 'Northing', '--out', out], cap.io)).toBe(0);
    const prj = readFileSync(join(dir, 'with-prj.prj'), 'utf8');
    expect(prj).toMatch(/^PROJCS\["British_National_Grid",GEOGCS\["GCS_OSGB_1936",/);
    expect(cap.out.join('\n')).toContain(`its CRS (EPSG:27700) in ${join(dir, 'with-prj.prj')}`);
    let gdal = true;
    try {
      execFileSync('gdalinfo', ['--version'], { stdio: 'ignore' });
    } catch {
      gdal = false; // CI may have no GDAL: the WKT check above still runs.
    }
    if (gdal) {
      const info = execFileSync('gdalinfo', [out], { encoding: 'utf8' });
      expect(info).toContain('PROJCRS["OSGB36 / British National Grid"');
    }
  });

  it('reads a CSV without a header by 1-based column numbers and prints one JSON object', async () => {
    const { path } = plantedCsv(false);
    const cap = captureIo();
    const out = join(dir, 'numbered.asc');
    const code = await kdeCommand.run(
      [path, '--x', '2', '--y', '3', '--kernel', 'uniform', '--json', '--out', out],
      cap.io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(cap.out.join(''));
    expect(report.rows).toBe(300);
    expect(report.events.used).toBe(300);
    expect(report.params.kernel).toBe('uniform');
    expect(report.params.defaulted).toEqual(['cellSizeM', 'bandwidthM', 'extent']);
    expect(report.grid.width).toBe(readEsriAsciiGrid(readFileSync(out, 'utf8')).width);
  });

  it('counts and reports rows whose coordinates are not numbers', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'x,y\n1000,2000\nabc,2000\n1100,2100\n1200,\n1300,2050\n');
    const cap = captureIo();
    await kdeCommand.run(
      [path, '--x', 'x', '--y', 'y', '--cell', '10', '--out', join(dir, 'bad.asc')],
      cap.io,
    );
    const text = cap.out.join('\n');
    expect(text).toContain('5 rows, 2 rejected');
    expect(text).toContain("row 3: x/y 'abc', '2000' are not numbers");
  });

  it('refuses a stray point far from the rest (exit 1), naming its row index', async () => {
    const path = join(dir, 'stray.csv');
    const random = new Random(1);
    const rows = Array.from(
      { length: 50 },
      () => `${random.uniform(530_000, 532_000)},${random.uniform(180_000, 182_000)}`,
    );
    rows[17] = '0,0';
    writeFileSync(path, `x,y\n${rows.join('\n')}\n`);
    await expect(
      kdeCommand.run([path, '--x', 'x', '--y', 'y', '--out', join(dir, 's.asc')], captureIo().io),
    ).rejects.toThrow(
      new CliRefusal(
        '1 event(s) lie far from the rest: #17 (0, 0); correct or exclude them, or give an explicit extent',
      ),
    );
  });

  it('reads a dataset of a project with --project and --dataset, and refuses a missing project', async () => {
    const projectPath = join(dir, 'town.hsw');
    const project = createProject(projectPath, { appVersion: 'test' });
    const random = new Random(12);
    const rows = Array.from({ length: 80 }, (_, i) => {
      const x = Math.round(random.normal(531_000, 150));
      const y = Math.round(random.normal(181_000, 150));
      return `C${i},0${1 + (i % 9)}/02/2024 10:00,${x},${y},Burglary`;
    });
    try {
      await importBngCsv(project.db, dir, [BNG_CSV_HEADER, ...rows], 'Burglary');
    } finally {
      project.close();
    }
    const cap = captureIo();
    const out = join(dir, 'project.asc');
    const code = await kdeCommand.run(
      [
        '--project',
        projectPath,
        '--dataset',
        'Burglary',
        '--cell',
        '20',
        '--bandwidth',
        '120',
        '--json',
        '--out',
        out,
      ],
      cap.io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(cap.out.join('')).events.used).toBe(80);
    await expect(
      kdeCommand.run(['--project', join(dir, 'missing.hsw'), '--dataset', 'X', '--out', out], captureIo().io),
    ).rejects.toThrow(CliRefusal);
    await expect(
      kdeCommand.run(['--project', projectPath, '--dataset', 'Robbery', '--out', out], captureIo().io),
    ).rejects.toThrow("town.hsw has no dataset named 'Robbery'");
  });

  it('refuses bad usage with exit-2 errors', async () => {
    await expect(kdeCommand.run(['a.csv', '--x', 'x', '--y', 'y'], captureIo().io)).rejects.toThrow(
      CliUsageError,
    );
    await expect(
      kdeCommand.run(['a.csv', '--x', 'x', '--y', 'y', '--out', 'o.asc', '--bandwidth=-5'], captureIo().io),
    ).rejects.toThrow("--bandwidth must be a number > 0, got '-5'");
    await expect(
      kdeCommand.run(
        ['a.csv', '--x', 'x', '--y', 'y', '--out', 'o.asc', '--kernel', 'cosine'],
        captureIo().io,
      ),
    ).rejects.toThrow(/--kernel must be one of quartic/);
  });
});

describe('hotspot kde --extent: N and A of PAI refer to the same study area', () => {
  it('leaves events outside the extent out of N, so PAI recomputed by hand from the GeoJSON agrees', async () => {
    // 60 events in a cluster and 140 spread inside the extent [530 000, 532 000] × [180 000, 182 000]
    // (a whole number of 25 m cells, so the grid is exactly the extent), and 150 events outside it.
    const random = new Random(21);
    const inside: [number, number][] = [];
    const outside: [number, number][] = [];
    for (let i = 0; i < 60; i++) inside.push([random.normal(531_000, 60), random.normal(181_000, 60)]);
    for (let i = 0; i < 140; i++)
      inside.push([random.uniform(530_000, 532_000), random.uniform(180_000, 182_000)]);
    for (let i = 0; i < 150; i++)
      outside.push([random.uniform(532_100, 534_000), random.uniform(180_000, 182_000)]);
    const all = [...inside, ...outside].map(([x, y]) => [
      Math.round(x * 100) / 100,
      Math.round(y * 100) / 100,
    ]);
    const path = join(dir, 'extent.csv');
    writeFileSync(path, `x,y\n${all.map(([x, y]) => `${x},${y}`).join('\n')}\n`);
    const geo = join(dir, 'extent.geojson');
    const cap = captureIo();
    const code = await kdeCommand.run(
      [
        path,
        '--x',
        'x',
        '--y',
        'y',
        '--cell',
        '25',
        '--bandwidth',
        '150',
        '--extent',
        '530000,180000,532000,182000',
        '--out',
        join(dir, 'extent.asc'),
        '--hotspots',
        geo,
        '--json',
      ],
      cap.io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(cap.out.join(''));
    expect(report.events.excludedOutside).toBe(150);
    expect(report.events.used).toBe(200);
    const features = JSON.parse(readFileSync(geo, 'utf8')).features;
    expect(features.length).toBeGreaterThanOrEqual(1);
    // Independent recomputation: project the outline back to metres, count the planted points in it
    // by ray casting, take its shoelace area, and N = 200 events inside, A = 2 km × 2 km.
    const t = makeTransform('EPSG:4326', 'EPSG:27700');
    const ring = (features[0].geometry.coordinates[0] as [number, number][]).map(([lon, lat]) =>
      t.toProject(lon, lat),
    );
    let twiceArea = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
      twiceArea += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    const areaM2 = Math.abs(twiceArea) / 2;
    const inRing = (px: number, py: number) => {
      let c = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) c = !c;
      }
      return c;
    };
    const n = all.filter(([x, y]) => inRing(x, y)).length;
    const pai = n / 200 / (areaM2 / 4_000_000);
    expectClose(features[0].properties.pai, pai, 1e-3);
    expect(features[0].properties.studyAreaEvents).toBe(200);
    expectClose(features[0].properties.studyAreaKm2, 4, 1e-12);
    expect(features[0].properties.pValue).toBeLessThan(0.05);
    expect(features[0].properties.events).toBeGreaterThanOrEqual(5);
  });
});
