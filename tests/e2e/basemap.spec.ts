/**
 * Basemaps end to end (issue 11 items 1–3): the sample town's named streets on first launch, a
 * PMTiles and an MBTiles file (made here) drawn after the analyst picks them, a vector MBTiles
 * styled and labelled, and an intranet tile server allowed by the CSP while any other origin is
 * refused. The `network` fixture fails any test that made a request off loopback.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { lineMvt, pmtilesBytes, solidPng, writeMbtiles } from '../fixtures/basemap/basemap-files.js';
import { expect, test } from './fixtures.js';

const STREETS = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../resources/sample/streets.geojson'), 'utf8'),
) as GeoJSON.FeatureCollection;
/** The parts of the MapLibre map (on the container, for tests) these tests use. */
interface TestMap {
  once(event: 'idle', listener: () => void): void;
  jumpTo(options: { center: readonly [number, number]; zoom: number }): void;
  triggerRepaint(): void;
  getLayer(id: string): unknown;
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
}

const STREET_NAMES = new Set(STREETS.features.map((f) => String(f.properties?.['name'])));

/** Where a screenshot goes: the test's folder under test-results/, kept as an artefact. */
const shot = (testInfo: TestInfo, name: string) => testInfo.outputPath(`basemap-${name}.png`);

/** Loads the app afresh (a new document, so a new CSP), from the address `hotspot serve` printed. */
async function openApp(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('project-name')).toHaveText('e2e');
}

/** Moves the map and resolves once it has drawn everything it waits for. */
async function view(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) =>
      new Promise<void>((done) => {
        const map = (document.getElementById('map') as HTMLElement & { maplibreMap: TestMap }).maplibreMap;
        map.once('idle', () => done());
        map.jumpTo({ center: c, zoom: z });
        map.triggerRepaint();
      }),
    [center, zoom] as const,
  );
}

/** Property values of the features MapLibre drew on screen for the given style layers. */
async function rendered(page: Page, layers: string[], property: string): Promise<string[]> {
  return page.evaluate(
    ([ids, key]) => {
      const map = (document.getElementById('map') as HTMLElement & { maplibreMap: TestMap }).maplibreMap;
      const present = ids.filter((id) => map.getLayer(id));
      return map.queryRenderedFeatures({ layers: present }).map((f) => String(f.properties[key]));
    },
    [layers, property] as const,
  );
}

/** Share of the map canvas's pixels within 24 of `rgb` per channel. */
async function shareOf(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.evaluate((target) => {
    const canvas = document.querySelector('#map canvas') as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    let hits = 0;
    for (let i = 0; i < data.length; i += 4)
      if (
        Math.abs(data[i]! - target[0]) < 24 &&
        Math.abs(data[i + 1]! - target[1]) < 24 &&
        Math.abs(data[i + 2]! - target[2]) < 24
      )
        hits++;
    return hits / (data.length / 4);
  }, rgb);
}

async function chooseBasemapFile(page: Page, path: string): Promise<void> {
  const panel = page.locator('[data-panel="basemap"]');
  await panel.getByTestId('basemap-kind').selectOption('file');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles(path);
  await expect(panel.getByTestId('basemap-status')).toContainText(/^Showing /);
}

test('first launch shows the sample town with its streets named', async ({ page, hotspot }, testInfo) => {
  await openApp(page, hotspot.url);
  await expect(page.getByTestId('basemap-status')).toContainText('sample town Ashbridge');
  await view(page, [-2.4285, 53.9875], 15.5);
  const names = await rendered(page, ['basemap-street-name'], 'label');
  const distinct = new Set(names);
  expect(distinct.size, 'street names drawn in view').toBeGreaterThanOrEqual(4);
  for (const name of distinct) expect(STREET_NAMES.has(name), `${name} is a street of the sample`).toBe(true);
  expect(await rendered(page, ['basemap-street', 'basemap-street-major'], 'label')).not.toHaveLength(0);
  await page.screenshot({ path: shot(testInfo, 'first-launch') });

  await view(page, [-2.4285, 53.99], 13);
  const wardNames = await rendered(page, ['basemap-ward-name'], 'label');
  expect(new Set(wardNames).size, 'ward names drawn').toBeGreaterThanOrEqual(3);
  expect(wardNames.length, 'each ward named once').toBe(new Set(wardNames).size);
  await page.screenshot({ path: shot(testInfo, 'wards') });
});

test('an MBTiles and a PMTiles basemap draw, and the choice is kept with the project', async ({
  page,
  hotspot,
  network,
}, testInfo) => {
  const mbtiles = join(hotspot.dir, 'red.mbtiles');
  writeMbtiles(mbtiles, { name: 'Red test tiles', format: 'png', minzoom: '0', maxzoom: '0' }, [
    { z: 0, x: 0, y: 0, data: solidPng([220, 30, 30]) },
  ]);
  const pmtiles = join(hotspot.dir, 'blue.pmtiles');
  await writeFile(
    pmtiles,
    pmtilesBytes(
      {
        tileType: 2,
        minzoom: 0,
        maxzoom: 0,
        bounds: [-180, -85, 180, 85],
        metadata: { name: 'Blue test tiles' },
      },
      [{ z: 0, x: 0, y: 0, data: solidPng([30, 60, 220]) }],
    ),
  );
  await openApp(page, hotspot.url);

  await chooseBasemapFile(page, mbtiles);
  await expect(page.getByTestId('basemap-status')).toContainText('Red test tiles (raster tiles');
  await view(page, [-2.4, 54], 6);
  expect(await shareOf(page, [220, 30, 30]), 'red MBTiles pixels').toBeGreaterThan(0.3);
  expect(network.seen.some((u) => /\/basemaps\/[A-Za-z0-9_-]+\/0\/0\/0$/.test(u))).toBe(true);
  await page.screenshot({ path: shot(testInfo, 'mbtiles') });

  await chooseBasemapFile(page, pmtiles);
  await expect(page.getByTestId('basemap-status')).toContainText('Blue test tiles');
  await view(page, [-2.4, 54.01], 6);
  expect(await shareOf(page, [30, 60, 220]), 'blue PMTiles pixels').toBeGreaterThan(0.3);

  // Opacity: half-transparent blue over the plain background is no longer pure blue.
  await page.getByTestId('basemap-opacity').fill('50');
  await page.getByTestId('basemap-opacity').dispatchEvent('change');
  await view(page, [-2.4, 54.02], 6);
  expect(await shareOf(page, [30, 60, 220])).toBeLessThan(0.05);

  // Reloaded (the token comes back through the printed address), the project still has it.
  await openApp(page, hotspot.url);
  await expect(page.getByTestId('basemap-status')).toContainText('Blue test tiles');
  await expect(page.getByTestId('basemap-opacity')).toHaveValue('50');
});

test('a vector MBTiles in the OpenMapTiles schema is styled and its street named', async ({
  page,
  hotspot,
}, testInfo) => {
  const path = join(hotspot.dir, 'vector.mbtiles');
  const tile = Buffer.concat([
    lineMvt('transportation', 'Fixture Lane', [600, 3500, 1500]),
    lineMvt('transportation_name', 'Fixture Lane', [600, 3500, 1500]),
  ]);
  writeMbtiles(
    path,
    {
      name: 'Vector test tiles',
      format: 'pbf',
      minzoom: '0',
      maxzoom: '0',
      json: JSON.stringify({ vector_layers: [{ id: 'transportation' }, { id: 'transportation_name' }] }),
    },
    [{ z: 0, x: 0, y: 0, data: tile }],
  );
  await openApp(page, hotspot.url);
  await chooseBasemapFile(page, path);
  await expect(page.getByTestId('basemap-status')).toContainText('Vector test tiles (vector tiles');
  await view(page, [0, 40], 1.5);
  expect(await rendered(page, ['basemap-road-name'], 'name')).toContain('Fixture Lane');
  // A vector basemap is drawn on land, not on the plain style's sea colour.
  const background = await page.evaluate(() =>
    (
      document.getElementById('map') as HTMLElement & {
        maplibreMap: { getPaintProperty(l: string, p: string): unknown };
      }
    ).maplibreMap.getPaintProperty('background', 'background-color'),
  );
  expect(background).toBe('#f4f1ea');
  await page.screenshot({ path: shot(testInfo, 'vector') });
});

/** A tile server on loopback that answers every tile with one PNG and counts what it was asked. */
async function tileServer(
  rgb: [number, number, number],
): Promise<{ server: Server; origin: string; hits: string[] }> {
  const png = solidPng(rgb);
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' });
    res.end(png);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

test('an intranet tile server is allowed by the CSP once chosen; any other origin is refused', async ({
  page,
  hotspot,
}, testInfo) => {
  const intranet = await tileServer([40, 170, 60]);
  const other = await tileServer([0, 0, 0]);
  try {
    await openApp(page, hotspot.url);
    const panel = page.locator('[data-panel="basemap"]');
    await panel.getByTestId('basemap-kind').selectOption('xyz');
    await panel.getByTestId('basemap-url').fill(`${intranet.origin}/tiles/{z}/{x}/{y}.png`);
    await panel.getByRole('button', { name: 'Use this basemap' }).click();
    await expect(page.getByText('Open the address printed by “hotspot serve” again')).toBeVisible();

    await page.goto('about:blank');
    const response = await page.goto(hotspot.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain(`connect-src 'self' ${intranet.origin}`);
    expect(csp).not.toContain(other.origin);
    await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible();
    await view(page, [-2.4, 54], 7);
    expect(
      intranet.hits.some((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u)),
      'tiles asked of the intranet server',
    ).toBe(true);
    expect(await shareOf(page, [40, 170, 60]), 'intranet tile pixels').toBeGreaterThan(0.3);
    await page.screenshot({ path: shot(testInfo, 'intranet') });

    const refused = await page.evaluate(async (url) => {
      const violation = new Promise<string>((done) =>
        document.addEventListener(
          'securitypolicyviolation',
          (e) => done(`${e.effectiveDirective} ${e.blockedURI}`),
          {
            once: true,
          },
        ),
      );
      const fetched = await fetch(url).then(
        () => 'fetched',
        () => 'refused',
      );
      return [fetched, await violation];
    }, `${other.origin}/tiles/0/0/0.png`);
    expect(refused).toEqual(['refused', `connect-src ${other.origin}/tiles/0/0/0.png`]);
    expect(other.hits, 'requests that reached the other origin').toEqual([]);
  } finally {
    intranet.server.close();
    other.server.close();
  }
});
