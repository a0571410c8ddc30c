/**
 * The demo's data exports opened the way a GIS colleague would (issue 12): GDAL's gdalinfo and
 * ogrinfo when they are installed (the assertions skip cleanly without GDAL: CI may not have it),
 * and always readers written here: papaparse with default options for the CSVs, JSON with a
 * shoelace sum for ring orientation, a WKT bracket check for the .prj.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommand } from '../../../../electron/cli/commands/demo.js';

const MARKING = 'OFFICIAL-SENSITIVE';
let dir: string;
let printed: string;
let summary: { files: { file: string; bytes: number }[]; warnings: string[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-demo-exports-'));
  const out: string[] = [];
  const code = await demoCommand.run(['--out', dir, '--iterations', '99', '--json'], {
    out: (t) => out.push(t),
    err: () => {},
    interactive: false,
    debug: false,
  });
  expect(code).toBe(0);
  printed = out.join('');
  summary = JSON.parse(printed);
}, 300_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function hasGdal(): boolean {
  try {
    execFileSync('gdalinfo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const GDAL = hasGdal();

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

interface Collection {
  type: string;
  crs?: unknown;
  protective_marking?: string;
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}

/** Twice the signed area by the shoelace sum: > 0 anticlockwise (lon east, lat north). */
function shoelace(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s;
}

/** Every [lon, lat] of a geometry's coordinates. */
function positions(c: unknown): number[][] {
  return Array.isArray(c) && typeof c[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(positions);
}

const DATA_FILES = [
  'hotspots.geojson',
  'hotspots.csv',
  'hotspots.csv.provenance.txt',
  'chains.geojson',
  'chains.csv',
  'chains.csv.provenance.txt',
  'risk-zones.geojson',
  'surface.asc',
  'surface.prj',
  'surface.asc.provenance.txt',
  'data-dictionary.txt',
];

describe('hotspot demo: data exports', () => {
  it('writes every data file with its sidecars and prints where each is', () => {
    for (const name of DATA_FILES) {
      expect(existsSync(join(dir, name)), name).toBe(true);
      expect(summary.files.map((f) => f.file)).toContain(join(dir, name));
    }
    expect(summary.files.filter((f) => f.file.endsWith('data-dictionary.txt'))).toHaveLength(1);
    expect(existsSync(join(dir, 'surface.asc.provenance.json'))).toBe(false);
  });

  for (const name of ['hotspots.csv', 'chains.csv']) {
    it(`${name}: BOM, header on line 1, parses with papaparse defaults, formula-safe, marking in its sidecar`, () => {
      const text = read(name);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const parsed = Papa.parse<string[]>(text);
      expect(parsed.errors).toEqual([]);
      const rows = parsed.data.filter((r) => r.join('') !== '');
      const header = rows[0]!;
      expect(header[0]).toMatch(/^(rank|chain)$/);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) {
        expect(row).toHaveLength(header.length);
        for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
      }
      const side = read(`${name}.provenance.txt`).split('\r\n').filter(Boolean);
      expect(side[0]).toBe(MARKING);
      expect(side.at(-1)).toBe(MARKING);
      expect(
        side.some((l) => /^Dataset Police recorded crime: police_crimes\.csv sha256 [0-9a-f]{64}$/.test(l)),
      ).toBe(true);
      const dictionary = read('data-dictionary.txt');
      for (const column of header) expect(dictionary, column).toContain(`  ${column}`);
    });
  }

  it('chains.csv names members by crime reference (the town’s references), not record ids', () => {
    const rows = Papa.parse<string[]>(read('chains.csv')).data.filter((r) => r.join('') !== '');
    const header = rows[0]!;
    expect(header).not.toContain('member_records');
    const refs = rows[1]![header.indexOf('member_references')]!.split(' ');
    const crimes = read('data/police_crimes.csv');
    for (const ref of refs) expect(crimes).toContain(ref);
  });

  const geo: [string, string][] = [
    ['hotspots.geojson', 'Polygon'],
    ['chains.geojson', 'Point'],
    ['risk-zones.geojson', 'Polygon'],
  ];
  for (const [name, type] of geo) {
    it(`${name}: only ${type}s, WGS84 near the town, right-hand rule, no crs member, marked`, () => {
      const fc = JSON.parse(read(name)) as Collection;
      expect(fc.crs).toBeUndefined();
      expect(fc.protective_marking).toBe(MARKING);
      expect(fc.features.length).toBeGreaterThan(0);
      expect([...new Set(fc.features.map((f) => f.geometry.type))]).toEqual([type]);
      for (const f of fc.features) {
        expect(f.properties.protective_marking).toBe(MARKING);
        // The sample town, Ashbridge, lies in north-west England, about 2.4° W, 54.0° N.
        for (const [lon, lat] of positions(f.geometry.coordinates)) {
          expect(lon).toBeGreaterThan(-2.6);
          expect(lon).toBeLessThan(-2.2);
          expect(lat).toBeGreaterThan(53.9);
          expect(lat).toBeLessThan(54.1);
        }
        if (type === 'Polygon') {
          const [outer, ...holes] = f.geometry.coordinates as number[][][];
          expect(shoelace(outer!)).toBeGreaterThan(0);
          for (const h of holes) expect(shoelace(h)).toBeLessThan(0);
        }
      }
    });

    it.skipIf(!GDAL)(`${name}: ogrinfo reads one ${type} layer in WGS 84`, () => {
      const info = execFileSync('ogrinfo', ['-so', '-al', join(dir, name)], { encoding: 'utf8' });
      expect(info).toContain(`Geometry: ${type}`);
      expect(info).toMatch(/GEOGCRS\["WGS 84"/);
    });
  }

  it('chains.geojson: one point per member with its crime reference and date', () => {
    const fc = JSON.parse(read('chains.geojson')) as Collection;
    const crimes = read('data/police_crimes.csv');
    for (const f of fc.features) {
      expect(f.properties.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof f.properties.chain).toBe('number');
      expect(crimes).toContain(String(f.properties.reference));
      expect(f.properties).not.toHaveProperty('record');
    }
  });

  it('surface.prj is ESRI WKT of British National Grid on OSGB 1936', () => {
    const prj = read('surface.prj').trim();
    expect(prj).toMatch(/^PROJCS\["British_National_Grid",GEOGCS\["GCS_OSGB_1936",DATUM\["D_OSGB_1936"/);
    let depth = 0;
    for (const ch of prj) {
      depth += ch === '[' ? 1 : ch === ']' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    const side = read('surface.asc.provenance.txt');
    expect(side.split('\r\n')[0]).toBe(MARKING);
    expect(side).toContain('events per km²');
  });

  it.skipIf(!GDAL)(
    'gdalinfo opens surface.asc in OSGB36 / British National Grid with the .prj beside it',
    () => {
      const info = execFileSync('gdalinfo', [join(dir, 'surface.asc')], { encoding: 'utf8' });
      expect(info).toContain('surface.prj');
      expect(info).toContain('PROJCRS["OSGB36 / British National Grid"');
      const ogr = execFileSync('ogrinfo', ['-so', '-al', join(dir, 'hotspots.csv')], { encoding: 'utf8' });
      // GDAL's CSV driver takes the wkt column as the geometry: the extent is in BNG metres.
      expect(ogr).toMatch(/Extent: \(3\d{5}\.\d+, 4\d{5}\.\d+\)/);
      expect(ogr).toMatch(/^rank: /m);
    },
  );

  it('exports the profile HTML with its CSP meta', () => {
    expect(read('profile.html')).toMatch(
      /<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; /,
    );
  });
});
