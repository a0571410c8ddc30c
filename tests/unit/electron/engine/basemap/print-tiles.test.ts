import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import Database from 'better-sqlite3';
import proj4 from 'proj4';
import { afterAll, describe, expect, it } from 'vitest';
import {
  INTRANET_NOT_PRINTED,
  withPrintBasemap,
} from '../../../../../electron/engine/basemap/print-tiles.js';
import { renderStaticMap } from '../../../../../shared/cartography/static-map.js';
import { overviewMapSvg } from '../../../../../shared/profile/maps.js';
import type { ProfileInputs } from '../../../../../shared/profile/model.js';
import {
  type FixtureTile,
  lineMvt,
  pmtilesBytes,
  solidPng,
  writeMbtiles,
} from '../../../../fixtures/basemap/basemap-files.js';
import { profileInputs } from '../../../shared/profile/profile-fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hsw-print-tiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const LAND: [number, number, number] = [0xf7, 0xf5, 0xf0];

function projectWith(basemap: object): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT)');
  db.prepare('INSERT INTO project_meta VALUES (?, ?)').run('basemap', JSON.stringify(basemap));
  return db;
}

/** Inputs whose overview map shows a ward square (padded 3 %) and nothing else. */
function inputsIn(crs: string, square: [number, number, number, number]): ProfileInputs {
  const [x0, y0, x1, y1] = square;
  const ring = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  return profileInputs({
    kde: null,
    chains: null,
    points: { x: [], y: [] },
    layers: {
      crs,
      boundaries: [{ polygons: [[ring]], label: 'Ward' }],
      boundaryLayerName: 'Wards',
      streets: [],
    },
  });
}

/** The overview map's frame (900 × 640, 12 px margin, extent padded 3 %), worked out here. */
function overviewFrame([x0, y0, x1, y1]: [number, number, number, number]) {
  const dx = (x1 - x0) * 0.03;
  const dy = (y1 - y0) * 0.03;
  const scale = Math.min(876 / (x1 - x0 + 2 * dx), 616 / (y1 - y0 + 2 * dy));
  const minX = (x0 + x1) / 2 - 450 / scale;
  const maxY = (y0 + y1) / 2 + 320 / scale;
  return { scale, toPx: (x: number, y: number) => [(x - minX) * scale, (maxY - y) * scale] as const };
}

function images(svg: string) {
  return [
    ...svg.matchAll(/<image [^>]*transform="matrix\(([^)]*)\)" href="data:image\/png;base64,([^"]+)"/g),
  ].map((m) => ({ m: m[1]!.split(' ').map(Number), bytes: Buffer.from(m[2]!, 'base64') }));
}

/** Colour of each planted tile: red = x − 16236, green = y − 10754 (tens), blue 200. */
const colourOf = (x: number, y: number): [number, number, number] => [
  (x - 16_236) * 10,
  (y - 10_754) * 10,
  200,
];

describe('withPrintBasemap: a raster MBTiles file', () => {
  const square: [number, number, number, number] = [430_000, 280_000, 432_000, 281_500];
  const file = path.join(dir, 'town.mbtiles');
  const planted: FixtureTile[] = [];
  for (let x = 16_236; x <= 16_251; x++)
    for (let y = 10_754; y <= 10_769; y++) planted.push({ z: 15, x, y, data: solidPng(colourOf(x, y), 8) });
  writeMbtiles(
    file,
    {
      name: 'Town raster',
      format: 'png',
      minzoom: '15',
      maxzoom: '15',
      attribution: '<a href="x">© Town Survey</a>',
    },
    planted,
  );
  const db = projectWith({ kind: 'file', path: file, name: 'town.mbtiles', opacity: 0.8 });

  it('puts each tile on the overview map at its projected corners, with the attribution', async () => {
    const inputs = await withPrintBasemap(db, inputsIn('EPSG:27700', square));
    const svg = overviewMapSvg(inputs, 'Provenance line')!;
    expect(svg).toContain('Basemap: © Town Survey');
    const drawn = images(svg);
    expect(drawn.length).toBeGreaterThanOrEqual(4);
    const frame = overviewFrame(square);
    for (const { m, bytes } of drawn) {
      const tile = planted.find((t) => Buffer.from(t.data).equals(bytes))!;
      expect(tile).toBeDefined();
      const n = 2 ** 15;
      for (const [u, v] of [
        [0, 0],
        [256, 0],
        [0, 256],
        [256, 256],
      ] as const) {
        const lon = ((tile.x + u / 256) / n) * 360 - 180;
        const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (tile.y + v / 256)) / n))) * 180) / Math.PI;
        const [e, north] = proj4('WGS84', BNG, [lon, lat]);
        const [ex, ey] = frame.toPx(e!, north!);
        expect(
          Math.hypot(m[0]! * u + m[2]! * v + m[4]! - ex, m[1]! * u + m[3]! * v + m[5]! - ey),
        ).toBeLessThan(0.1);
      }
    }
  });

  it('renders through resvg: a pixel away from every line shows its tile, faded over the land', async () => {
    const inputs = await withPrintBasemap(db, inputsIn('EPSG:27700', square));
    const svg = overviewMapSvg(inputs, 'Provenance line')!;
    const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    if (process.env.H12_PNG) writeFileSync(process.env.H12_PNG, png.asPng());
    // The pixel (600, 400) in BNG, then its zoom-15 tile, worked out independently.
    const frame = overviewFrame(square);
    const e = square[0] + (square[2] - square[0]) / 2 + (600 - 450) / frame.scale;
    const north = square[1] + (square[3] - square[1]) / 2 - (400 - 320) / frame.scale;
    const [lon, lat] = proj4(BNG, 'WGS84', [e, north]);
    const r = (lat! * Math.PI) / 180;
    const tx = Math.floor(((lon! + 180) / 360) * 2 ** 15);
    const ty = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** 15);
    const alpha = 0.8 * 0.55;
    const expected = colourOf(tx, ty).map((c, k) => c * alpha + LAND[k]! * (1 - alpha));
    const at = (400 * png.width + 600) * 4;
    const got = [png.pixels[at]!, png.pixels[at + 1]!, png.pixels[at + 2]!];
    for (let k = 0; k < 3; k++) expect(Math.abs(got[k]! - expected[k]!)).toBeLessThanOrEqual(2);
  });
});

describe('withPrintBasemap: a raster PMTiles file in Web Mercator', () => {
  it('draws the zoom-1 tile exactly on its Web Mercator square (zoom clamped to the file)', async () => {
    const BLUE = solidPng([0, 0, 200], 4);
    const file = path.join(dir, 'world.pmtiles');
    writeFileSync(
      file,
      pmtilesBytes(
        { tileType: 2, minzoom: 0, maxzoom: 1, bounds: [-180, -85, 180, 85], metadata: { name: 'World' } },
        [{ z: 1, x: 1, y: 0, data: BLUE }],
      ),
    );
    const db = projectWith({ kind: 'file', path: file, name: 'world.pmtiles', opacity: 1 });
    const square: [number, number, number, number] = [1e6, 1e6, 3e6, 2.5e6];
    const svg = overviewMapSvg(await withPrintBasemap(db, inputsIn('EPSG:3857', square)), 'p')!;
    expect(svg).toContain('Basemap: World');
    const drawn = images(svg);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]!.bytes.equals(BLUE)).toBe(true);
    const frame = overviewFrame(square);
    const half = 20_037_508.342_789_244;
    const m = drawn[0]!.m;
    for (const [u, v, x, y] of [
      [0, 0, 0, half],
      [256, 0, half, half],
      [0, 256, 0, 0],
    ] as const) {
      const [ex, ey] = frame.toPx(x, y);
      expect(Math.abs(m[0]! * u + m[2]! * v + m[4]! - ex)).toBeLessThan(0.01);
      expect(Math.abs(m[1]! * u + m[3]! * v + m[5]! - ey)).toBeLessThan(0.01);
    }
  });
});

describe('withPrintBasemap: an intranet server', () => {
  it('reads nothing and says on the map that the basemap is not printed', async () => {
    for (const basemap of [
      { kind: 'xyz', url: 'https://tiles.force.local/{z}/{x}/{y}.png', opacity: 1 },
      { kind: 'wms', url: 'https://gis.force.local/wms', layers: 'streets', opacity: 1 },
    ]) {
      const inputs = await withPrintBasemap(
        projectWith(basemap),
        inputsIn('EPSG:27700', [430_000, 280_000, 432_000, 281_500]),
      );
      const svg = overviewMapSvg(inputs, 'p')!;
      expect(INTRANET_NOT_PRINTED).toBe('Basemap not shown in print: intranet server');
      expect(svg).toContain(INTRANET_NOT_PRINTED);
      expect(svg).not.toContain('<image');
      expect(inputs.caveats.at(-1)).toMatch(
        /^The printed maps do not show the project's basemap: it comes from an intranet server/,
      );
    }
  });

  it('leaves the sample town and no choice to the bundled reference', async () => {
    const inputs = inputsIn('EPSG:27700', [430_000, 280_000, 432_000, 281_500]);
    expect(await withPrintBasemap(projectWith({ kind: 'sample', opacity: 1 }), inputs)).toBe(inputs);
  });
});

describe('withPrintBasemap: a vector MBTiles file', () => {
  it("draws the tile's named road as a street at its projected place, with its name on a zoomed map", async () => {
    const square: [number, number, number, number] = [430_000, 280_000, 432_000, 281_500];
    // The zoom-14 tile under the square's centre, from the slippy-map formulas.
    const [lon, lat] = proj4(BNG, 'WGS84', [431_000, 280_750]);
    const r = (lat! * Math.PI) / 180;
    const x = Math.floor(((lon! + 180) / 360) * 2 ** 14);
    const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** 14);
    const file = path.join(dir, 'roads.mbtiles');
    writeMbtiles(file, { name: 'Roads', format: 'pbf', minzoom: '10', maxzoom: '14' }, [
      { z: 14, x, y, data: lineMvt('roads', 'Station Road', [0, 4096, 2048]) },
    ]);
    const db = projectWith({ kind: 'file', path: file, name: 'roads.mbtiles', opacity: 1 });
    const inputs = await withPrintBasemap(db, inputsIn('EPSG:27700', square));
    expect(inputs.layers.basemapCredit).toBe('Basemap: Roads');
    const road = inputs.layers.streets.find((s) => s.name === 'Station Road')!;
    expect(road).toBeDefined();
    const lonLat = (u: number) => {
      const n = 2 ** 14;
      const ty = y + 0.5;
      return [
        ((x + u) / n) * 360 - 180,
        (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI,
      ];
    };
    for (const [k, u] of [
      [0, 0],
      [1, 1],
    ] as const) {
      const [e, north] = proj4('WGS84', BNG, lonLat(u));
      expect(Math.abs(road.coords[k]![0]! - e!)).toBeLessThan(0.05);
      expect(Math.abs(road.coords[k]![1]! - north!)).toBeLessThan(0.05);
    }
    const svg = renderStaticMap({
      extent: { minX: 430_500, minY: 280_300, maxX: 431_500, maxY: 281_200 },
      widthPx: 760,
      heightPx: 480,
      streets: inputs.layers.streets,
      streetLabels: true,
    });
    expect(svg).toContain('>Station Road<');
  });
});
