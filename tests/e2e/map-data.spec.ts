/**
 * The map goes to the data and shows it (issue 11 items 4–6): after an import and after the project
 * opens again the view is on the sample town; a click on a point shows its record; hospital
 * admissions by outward postcode (area codes only) are a choropleth on the postcode districts, with a
 * legend instead of "No records match the filter"; a file of streets given to Import boundaries is
 * offered as reference lines and drawn with the streets' names.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { makeTransform } from '../../shared/crs/transform.js';
import { expect, test } from './fixtures.js';

test.use({ locale: 'en-GB' });

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample');
const readJson = (name: string) =>
  JSON.parse(readFileSync(join(SAMPLE, name), 'utf8')) as {
    features: { properties: Record<string, string>; geometry: { coordinates: unknown } }[];
  };

/** [west, south, east, north] of every coordinate in the features: the sample town, independent of the app. */
function extent(features: { geometry: { coordinates: unknown } }[]): [number, number, number, number] {
  const box: [number, number, number, number] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1] as number);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1] as number);
    } else for (const child of c) visit(child);
  };
  for (const f of features) visit(f.geometry.coordinates);
  return box;
}
const TOWN = extent(readJson('wards.geojson').features);
const DISTRICTS = readJson('postcode_districts.geojson').features.map((f) => f.properties.PostDist);
/** Residents per district, from the file's Population column. */
const RESIDENTS = new Map(
  readJson('postcode_districts.geojson').features.map((f) => [
    String(f.properties.PostDist),
    Number(f.properties.Population),
  ]),
);
const POLICE = Papa.parse<Record<string, string>>(readFileSync(join(SAMPLE, 'police_crimes.csv'), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
const ADMISSIONS =
  readFileSync(join(SAMPLE, 'hospital_admissions.csv'), 'utf8').trimEnd().split('\n').length - 1;

type MapHandle = {
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  getZoom(): number;
  jumpTo(o: { center: [number, number]; zoom: number }): void;
  project(p: [number, number]): { x: number; y: number };
  querySourceFeatures(id: string): { properties: Record<string, unknown> }[];
  getLayer(id: string):
    | {
        implementation: {
          shown(): { clusters: string[]; points: number; pointsDrawn: number; tiles: number };
          clusterPlaces(): [number, number][];
          useTiles: boolean;
        };
      }
    | undefined;
  once(event: 'idle' | 'webglcontextlost' | 'webglcontextrestored', listener: () => void): void;
  triggerRepaint(): void;
  panBy(offset: [number, number], options: { duration: number }): void;
  setLayoutProperty(layer: string, name: string, value: string): void;
  getCanvas(): HTMLCanvasElement;
};

async function mapView(page: Page): Promise<{ bounds: [number, number, number, number]; zoom: number }> {
  return page.evaluate(() => {
    const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
    const b = map.getBounds();
    return { bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: map.getZoom() };
  });
}

async function sourceFeatures(page: Page, source: string): Promise<Record<string, unknown>[]> {
  return page.evaluate((id) => {
    const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
    return map.querySourceFeatures(id).map((f) => f.properties);
  }, source);
}

/** What the records layer (a custom WebGL layer) holds: its cluster counts and single points. */
async function recordsShown(page: Page): Promise<{ clusters: string[]; points: number }> {
  return page.evaluate(() => {
    const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
    return map.getLayer('records-gl')?.implementation.shown() ?? { clusters: [], points: 0 };
  });
}

async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
        map.once('idle', () => done());
        map.triggerRepaint();
      }),
  );
}

/** The view holds the town's middle and is no more than a few towns wide: the map is on the data. */
async function expectOnTheTown(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const { bounds } = await mapView(page);
      const [w, s, e, n] = bounds;
      const [cx, cy] = [(TOWN[0] + TOWN[2]) / 2, (TOWN[1] + TOWN[3]) / 2];
      const holdsMiddle = w < cx && cx < e && s < cy && cy < n;
      const span = Math.max((e - w) / (TOWN[2] - TOWN[0]), (n - s) / (TOWN[3] - TOWN[1]));
      return holdsMiddle && span < 4;
    })
    .toBe(true);
}

async function importCsv(page: Page, file: string, datasetName: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(join(SAMPLE, file));
  const wizard = page.getByTestId('import-wizard');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('textbox', { name: 'Dataset name' }).fill(datasetName);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Import' }).click();
  await expect(wizard).toHaveCount(0);
  await expect(page.locator('article.dataset', { hasText: datasetName })).toBeVisible();
}

async function chooseForButton(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(join(SAMPLE, file));
}

/** Opens the app with the map ready. */
async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible({ timeout: 60_000 });
}

test('goes to the data, identifies a point, maps area-only data and draws reference lines', async ({
  page,
  hotspot,
}, testInfo) => {
  await openApp(page, hotspot.url);

  // Going to the data: after the import, and again when the project opens in a new page.
  await importCsv(page, 'police_crimes.csv', 'Police crimes');
  await expectOnTheTown(page);
  await openApp(page, hotspot.url);
  await expectOnTheTown(page);
  await expect.poll(async () => (await recordsShown(page)).clusters.length).toBeGreaterThan(0);
  // Clusters carry their counts (drawn as text on them).
  expect((await recordsShown(page)).clusters.some((label) => label.endsWith('k') || Number(label) > 1)).toBe(
    true,
  );
  await mapIdle(page);
  await page.screenshot({ path: testInfo.outputPath('map-data-town.png') });

  // A click on the largest cluster zooms in to where it breaks apart, centred on it.
  const before = await mapView(page);
  const cluster = await page.evaluate(() => {
    const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
    const layer = map.getLayer('records-gl')!.implementation;
    const sizes = layer
      .shown()
      .clusters.map((label) => (label.endsWith('k') ? Number.parseFloat(label) * 1000 : Number(label)));
    const place = layer.clusterPlaces()[sizes.indexOf(Math.max(...sizes))]!;
    return { place, screen: map.project(place) };
  });
  const box = await page.locator('#map canvas').boundingBox();
  await page.mouse.click(box!.x + cluster.screen.x, box!.y + cluster.screen.y);
  await expect.poll(async () => (await mapView(page)).zoom).toBeGreaterThan(before.zoom);
  const after = await mapView(page);
  expect(after.bounds[0] < cluster.place[0] && cluster.place[0] < after.bounds[2]).toBe(true);
  expect(after.bounds[1] < cluster.place[1] && cluster.place[1] < after.bounds[3]).toBe(true);

  // Identify: the first record of the extract, clicked where the map draws it.
  const first = POLICE[0]!;
  const [lon, lat] = makeTransform('EPSG:27700', 'EPSG:27700').projectToWgs84(
    Number(first.Easting),
    Number(first.Northing),
  );
  await page.evaluate(
    ([x, y]) => {
      const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
      map.jumpTo({ center: [x!, y!], zoom: 18 });
    },
    [lon, lat],
  );
  await mapIdle(page);
  const canvas = await page.locator('#map canvas').boundingBox();
  const point = await page.evaluate(
    ([x, y]) => {
      const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
      return map.project([x!, y!]);
    },
    [lon, lat],
  );
  await page.mouse.click(canvas!.x + point.x, canvas!.y + point.y);
  const identify = page.getByTestId('identify');
  await expect(identify).toContainText(first['Crime Reference']!);
  await expect(identify).toContainText(first['Offence Category']!);
  await expect(identify).toContainText(first['Committed From']!.slice(0, 10));
  await expect(identify).toContainText('Police crimes');
  await page.screenshot({ path: testInfo.outputPath('map-data-identify.png') });
  await page.keyboard.press('Escape');

  // Area-only data: hospital admissions by outward postcode on the postcode districts.
  await importCsv(page, 'hospital_admissions.csv', 'Hospital admissions');
  await chooseForButton(page, 'Import boundaries…', 'postcode_districts.geojson');
  const boundaryDialog = page.getByTestId('boundary-dialog');
  await expect(boundaryDialog.locator('select[data-field="code"]')).toHaveValue('PostDist');
  await boundaryDialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('boundary-list')).toContainText('postcode districts');
  const legend = page.getByTestId('choropleth-legend');
  await expect(legend).toContainText('Hospital admissions: records per area of postcode districts');
  await expect
    .poll(async () => new Set((await sourceFeatures(page, 'choropleth')).map((p) => p.code)).size)
    .toBe(DISTRICTS.length);
  const counted = new Map<string, number>();
  for (const f of await sourceFeatures(page, 'choropleth')) counted.set(String(f.code), Number(f.count));
  expect([...counted.values()].reduce((a, b) => a + b, 0)).toBe(ADMISSIONS);
  // The districts have a Population column: the legend offers rates and says which it shows
  // (a source's features repeat across its tiles, hence the Set).
  await legend.getByTestId('choropleth-mode').selectOption('rate');
  await expect(legend).toContainText(
    'Hospital admissions: records per 1,000 residents per area of postcode districts',
  );
  const expectedRates = DISTRICTS.map((code) => {
    const perThousand = (counted.get(String(code))! * 1000) / RESIDENTS.get(String(code))!;
    return `${code} ${perThousand.toFixed(1)}`;
  }).sort();
  await expect
    .poll(async () =>
      [...new Set((await sourceFeatures(page, 'choropleth')).map((f) => `${f.code} ${f.label}`))].sort(),
    )
    .toEqual(expectedRates);
  await page.screenshot({ path: testInfo.outputPath('map-data-choropleth-rates.png') });
  await legend.getByTestId('choropleth-mode').selectOption('count');
  await expect(legend).toContainText('Hospital admissions: records per area of postcode districts');
  // Only the admissions selected: the legend says what is drawn, never "No records match".
  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.getByRole('checkbox', { name: /Police crimes/ }).uncheck();
  await expect(page.getByTestId('area-only-note')).toContainText(
    `${ADMISSIONS.toLocaleString('en-GB')} area-only records`,
  );
  await expect(page.getByTestId('map-legend')).not.toContainText('No records match the filter');
  await expect(legend).toBeVisible();
  // The choropleth is drawn again for the new selection (an engine call, then a new source): wait
  // for its areas before the idle map, or the screenshot may come between the two.
  await expect
    .poll(async () => new Set((await sourceFeatures(page, 'choropleth')).map((p) => p.code)).size)
    .toBe(DISTRICTS.length);
  await mapIdle(page);
  await page.screenshot({ path: testInfo.outputPath('map-data-choropleth.png') });
  await page.getByRole('checkbox', { name: /Police crimes/ }).check();

  // Reference lines: the streets file given to Import boundaries is offered as lines.
  await page.getByRole('tab', { name: 'Data' }).click();
  await chooseForButton(page, 'Import boundaries…', 'streets.geojson');
  const noAreas = page.getByTestId('boundary-no-areas');
  await expect(noAreas).toContainText('reference lines');
  await noAreas.getByRole('button', { name: 'Import as reference lines…' }).click();
  const linesDialog = page.getByTestId('lines-dialog');
  await linesDialog.getByRole('textbox').fill('Streets');
  await linesDialog.getByRole('button', { name: 'Import lines' }).click();
  await expect(page.getByTestId('reference-line-list')).toContainText('Streets');
  const streets = readJson('streets.geojson').features.filter((f) =>
    /LineString/.test(JSON.stringify(f).slice(0, 400)),
  );
  await expect
    .poll(async () => new Set((await sourceFeatures(page, 'reference-lines')).map((p) => p.name)).size)
    .toBeGreaterThan(5);
  const names = new Set((await sourceFeatures(page, 'reference-lines')).map((p) => p.name));
  expect(names.has(streets[0]!.properties.name)).toBe(true);
  await expect(page.getByTestId('map-legend')).toContainText('Reference lines');
  await page.evaluate(
    ([x, y]) => {
      const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
      map.jumpTo({ center: [x!, y!], zoom: 15.5 });
    },
    [lon, lat],
  );
  await mapIdle(page);
  await page.screenshot({ path: testInfo.outputPath('map-data-lines.png') });

  // "Zoom to" a dataset brings the view back from the street to the town.
  await page.getByRole('button', { name: 'Zoom to Police crimes' }).click();
  await expectOnTheTown(page);
  expect((await mapView(page)).zoom).toBeLessThan(15);
});

/**
 * Draws the map with the records layer in `mode` (its points one by one, from its street-zoom tiles,
 * or hidden) until idle, and keeps the canvas's pixels in the page as `name`. Returns what the layer
 * drew in its last frame.
 */
async function frame(
  page: Page,
  name: string,
  mode: 'points' | 'tiles' | 'hidden',
): Promise<{ pointsDrawn: number; tiles: number }> {
  return page.evaluate(
    async ([key, how]) => {
      const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
      const layer = map.getLayer('records-gl')!.implementation;
      layer.useTiles = how === 'tiles';
      map.setLayoutProperty('records-gl', 'visibility', how === 'hidden' ? 'none' : 'visible');
      // Two frames at least: the first after a change draws its points directly.
      for (let i = 0; i < 2; i++)
        await new Promise<void>((done) => {
          map.once('idle', () => done());
          map.triggerRepaint();
        });
      const canvas = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      const store = globalThis as unknown as { frames?: Record<string, Uint8ClampedArray> };
      store.frames ??= {};
      store.frames[key!] = context.getImageData(0, 0, copy.width, copy.height).data;
      const { pointsDrawn, tiles } = layer.shown();
      return { pointsDrawn, tiles };
    },
    [name, mode],
  );
}

/** The share of pixels of two kept frames whose colours differ by more than 8 in some channel. */
async function differing(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    ([x, y]) => {
      const { frames } = globalThis as unknown as { frames: Record<string, Uint8ClampedArray> };
      const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
      const width = map.getCanvas().width;
      const [p, q] = [frames[x!]!, frames[y!]!];
      const height = p.length / 4 / width;
      const near = (i: number, j: number) =>
        Math.abs(p[i]! - q[j]!) <= 48 &&
        Math.abs(p[i + 1]! - q[j + 1]!) <= 48 &&
        Math.abs(p[i + 2]! - q[j + 2]!) <= 48;
      let differ = 0;
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          const i = 4 * (row * width + col);
          let matched = false;
          for (let dy = -1; dy <= 1 && !matched; dy++)
            for (let dx = -1; dx <= 1 && !matched; dx++) {
              const [r, c] = [row + dy, col + dx];
              if (r >= 0 && r < height && c >= 0 && c < width) matched = near(i, 4 * (r * width + c));
            }
          if (!matched) differ++;
        }
      }
      return differ / (width * height);
    },
    [a, b],
  );
}

test('at street zoom a pan draws the points from tiles as drawn one by one, and survives a lost WebGL context', async ({
  page,
  hotspot,
}, testInfo) => {
  await openApp(page, hotspot.url);
  await importCsv(page, 'police_crimes.csv', 'Police crimes');
  await expectOnTheTown(page);
  // Zoom 16 with the view's corner on a whole pixel of the world: tiles are 256 px and their texels
  // fall on the screen's pixels, so a tile shows exactly what its points drawn alone show (at other
  // views the two differ by less than a pixel's shift).
  await page.evaluate((town) => {
    const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
    const worldPx = 512 * 2 ** 16;
    const { width, height } = map.getCanvas();
    const lat = (town[1] + town[3]) / 2;
    const sin = Math.sin((lat * Math.PI) / 180);
    const px = Math.round(((town[0] + town[2]) / 2 / 360 + 0.5) * worldPx) + (width % 2) / 2;
    const py =
      Math.round((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldPx) + (height % 2) / 2;
    const lon = (px / worldPx - 0.5) * 360;
    const back = (360 / Math.PI) * Math.atan(Math.exp((0.5 - py / worldPx) * 2 * Math.PI)) - 90;
    map.jumpTo({ center: [lon, back], zoom: 16 });
  }, TOWN);
  await expect.poll(async () => (await recordsShown(page)).points).toBeGreaterThan(1000);

  // The points are on the map (the frame without them differs), and the tiles show what the points
  // one by one show: here, and after a pan that reuses some tiles and draws others.
  await frame(page, 'hidden', 'hidden');
  const points = await frame(page, 'points', 'points');
  await page.screenshot({ path: testInfo.outputPath('map-street-points.png') });
  const tiles = await frame(page, 'tiles', 'tiles');
  await page.screenshot({ path: testInfo.outputPath('map-street-tiles.png') });
  expect(points).toEqual({ pointsDrawn: expect.any(Number), tiles: 0 });
  expect(points.pointsDrawn).toBeGreaterThan(100);
  expect(tiles.tiles).toBeGreaterThan(1);
  expect(tiles.pointsDrawn).toBe(0);
  expect(await differing(page, 'hidden', 'points')).toBeGreaterThan(0.01);
  expect(await differing(page, 'points', 'tiles')).toBeLessThan(0.001);
  await page.evaluate(() => {
    const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
    map.panBy([230, 170], { duration: 0 });
  });
  await frame(page, 'panned-tiles', 'tiles');
  await frame(page, 'panned-points', 'points');
  expect(await differing(page, 'panned-points', 'panned-tiles')).toBeLessThan(0.001);

  // A lost WebGL context: MapLibre rebuilds its style without custom layers; the records come back.
  await page.evaluate(async () => {
    const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
    const canvas = map.getCanvas();
    const lose = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
    // Chromium allows a restore only once the 'lost' event has been dispatched to every listener.
    const lost = new Promise<void>((done) =>
      canvas.addEventListener('webglcontextlost', () => setTimeout(done, 0), { once: true }),
    );
    lose.loseContext();
    await lost;
    const restored = new Promise<void>((done) => map.once('webglcontextrestored', () => done()));
    lose.restoreContext();
    await restored;
  });
  await expect
    .poll(() =>
      page.evaluate(() => {
        const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
        return map.getLayer('records-gl') !== undefined;
      }),
    )
    .toBe(true);
  const restored = await frame(page, 'restored', 'points');
  expect(restored.pointsDrawn).toBeGreaterThan(100);
  expect(await differing(page, 'panned-points', 'restored')).toBeLessThan(0.001);
  await page.screenshot({ path: testInfo.outputPath('map-street-restored.png') });
});
