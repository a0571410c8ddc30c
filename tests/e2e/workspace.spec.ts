/**
 * The map workspace end to end (workflow step 2): import the sample town's police crimes through the
 * wizard, filter to burglary, run kernel density and see the hotspots on the map, run the Knox test
 * and read its table. One long test, because each step needs the one before and the machine is small.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures.js';

// British dates in the date inputs, as the analysts' machines show them.
test.use({ locale: 'en-GB' });

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample');
/** Data rows of the sample's police extract (one record per line after the header), as en-GB text. */
const POLICE_ROWS = (
  readFileSync(join(SAMPLE, 'police_crimes.csv'), 'utf8').trimEnd().split('\n').length - 1
).toLocaleString('en-GB');
/** Burglaries in the sample's police extract, counted from the file itself, as en-GB text. */
const BURGLARIES = Papa.parse<Record<string, string>>(
  readFileSync(join(SAMPLE, 'police_crimes.csv'), 'utf8'),
  {
    header: true,
    skipEmptyLines: true,
  },
)
  .data.filter((row) => row['Offence Category'] === 'Burglary')
  .length.toLocaleString('en-GB');

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('project-name')).toHaveText('e2e');
}

/** Features of a map source, read from the MapLibre instance on the map's container. */
async function sourceFeatures(
  page: Page,
  source: string,
): Promise<{ properties: Record<string, unknown> }[]> {
  return page.evaluate((id) => {
    const container = document.getElementById('map') as HTMLElement & {
      maplibreMap: { querySourceFeatures(id: string): { properties: Record<string, unknown> }[] };
    };
    return container.maplibreMap.querySourceFeatures(id).map((f) => ({ properties: f.properties }));
  }, source);
}

/** Clusters and single points the records layer (a custom WebGL layer) holds. */
async function recordsDrawn(page: Page): Promise<number> {
  return page.evaluate(() => {
    const container = document.getElementById('map') as HTMLElement & {
      maplibreMap: {
        getLayer(
          id: string,
        ): { implementation: { shown(): { clusters: string[]; points: number } } } | undefined;
      };
    };
    const shown = container.maplibreMap.getLayer('records-gl')?.implementation.shown();
    return shown === undefined ? 0 : shown.clusters.length + shown.points;
  });
}

/** Resolves when the map has drawn everything it is waiting for. */
async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolveIdle) => {
        const container = document.getElementById('map') as HTMLElement & {
          maplibreMap: { once(event: 'idle', listener: () => void): void; triggerRepaint(): void };
        };
        container.maplibreMap.once('idle', () => resolveIdle());
        container.maplibreMap.triggerRepaint();
      }),
  );
}

async function importPoliceCrimes(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(join(SAMPLE, 'police_crimes.csv'));
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByTestId('import-preview')).toContainText('Crime Reference');
  await wizard.getByRole('button', { name: 'Next' }).click();
  // The detected guesses are chosen in the dropdowns.
  await expect(wizard.locator('select[data-field="x"]')).toHaveValue('Easting');
  await expect(wizard.locator('select[data-field="date_from"]')).toHaveValue('Committed From');
  await expect(wizard.locator('select[data-field="category"]')).toHaveValue('Offence Category');
  await expect(wizard.getByRole('textbox', { name: 'Dataset name' })).toHaveValue('Police crimes');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard).toContainText('No column looks like it identifies people');
  await wizard.getByRole('button', { name: 'Next' }).click();
  const summary = wizard.getByTestId('check-summary');
  await expect(summary).toContainText(POLICE_ROWS);
  await expect(wizard.locator('.summary-message')).toContainText(
    `Would import ${POLICE_ROWS} of ${POLICE_ROWS} rows`,
  );
  await wizard.getByRole('button', { name: 'Import' }).click();
  await expect(wizard).toHaveCount(0);
  await expect(page.locator('.toast-success')).toContainText(
    `Imported ${POLICE_ROWS} of ${POLICE_ROWS} rows`,
  );
}

test('imports, filters to burglary, finds KDE hotspots and runs the Knox test', async ({
  page,
  hotspot,
}, testInfo) => {
  await openApp(page, hotspot.url);
  await importPoliceCrimes(page);

  const dataset = page.locator('article.dataset', { hasText: 'Police crimes' });
  await expect(dataset.getByTestId('dataset-count')).toHaveText(`${POLICE_ROWS} records`);
  await expect(dataset).toContainText('01/01/2024 – 31/12/2025');
  await dataset.getByText(/Provenance/).click();
  await expect(dataset).toContainText('police_crimes.csv');
  // Provenance shows the extract's SHA-256 (first 12 hex digits), computed here from the file itself.
  const sha256 = createHash('sha256')
    .update(readFileSync(join(SAMPLE, 'police_crimes.csv')))
    .digest('hex');
  await expect(dataset).toContainText(sha256.slice(0, 12));
  await expect.poll(async () => recordsDrawn(page)).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('workspace-imported.png') });

  // Filter: burglary only.
  await page.getByRole('tab', { name: 'Filter' }).click();
  const categories = page.getByTestId('category-filter');
  await expect(categories).toContainText('Burglary');
  await categories.getByRole('button', { name: 'None' }).click();
  await expect(page.getByTestId('filter-count')).toHaveText('0');
  await categories.getByRole('checkbox', { name: /Burglary/ }).check();
  await expect(page.getByTestId('filter-count')).toHaveText(BURGLARIES);
  await expect(page.getByTestId('trend-chart').locator('rect')).toHaveCount(24);
  await expect(page.getByTestId('hour-week-table').locator('tbody tr')).toHaveCount(7);
  await page.screenshot({ path: testInfo.outputPath('workspace-filter.png') });

  // Kernel density and hotspots.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByTestId('kde-scope')).toContainText(`${BURGLARIES} points`);
  await expect(page.getByTestId('bandwidth-suggestion')).toContainText('Suggested from the data');
  await page.getByRole('button', { name: 'Run kernel density' }).click();
  const hotspotRows = page.getByTestId('hotspot-table').locator('tbody tr');
  await expect(hotspotRows.first()).toBeVisible({ timeout: 60_000 });
  const tableCount = await hotspotRows.count();
  expect(tableCount).toBeGreaterThan(2);
  await expect(page.getByTestId('density-legend')).toContainText('events per km²');
  await expect
    .poll(async () => new Set((await sourceFeatures(page, 'hotspots')).map((f) => f.properties.rank)).size)
    .toBe(tableCount);
  // Hotspot numbers: a symbol layer, one label per hotspot.
  await expect
    .poll(
      async () => new Set((await sourceFeatures(page, 'hotspot-labels')).map((f) => f.properties.rank)).size,
    )
    .toBe(tableCount);
  await mapIdle(page);
  await page.screenshot({ path: testInfo.outputPath('workspace-kde-overview.png') });
  // The biggest hotspot holds the planted burglary estate (H3, Abbey Fields).
  await expect(hotspotRows.first()).toContainText('Burglary');
  await page.getByRole('button', { name: 'Zoom to hotspot 1', exact: true }).click();
  await mapIdle(page);
  await page.screenshot({ path: testInfo.outputPath('workspace-kde.png') });

  // Knox test with the Near Repeat Calculator's bands.
  await page.getByRole('button', { name: 'Run Knox test' }).click();
  const knox = page.getByTestId('knox-table');
  await expect(knox).toBeVisible({ timeout: 60_000 });
  await expect(knox.locator('thead th')).toHaveText([
    'Distance ↓ · Time →',
    '[0, 7) days',
    '[7, 14) days',
    '[14, 21) days',
    '≥ 21 days',
  ]);
  await expect(knox.locator('tbody th').nth(1)).toHaveText('(0, 100) m');
  await expect(knox.locator('td[data-significant="true"]').first()).toBeVisible();
  await expect(page.getByTestId('knox-suggestion')).toContainText('significant');
  await page.getByTestId('knox-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('workspace-knox.png') });

  // Chains with the thresholds the Knox test suggests; a chain zooms the map.
  await page.getByRole('button', { name: 'Use for chains' }).click();
  await expect(page.locator('input[name="chainDistanceM"]')).toHaveValue(/^(100|200|300)$/);
  await page.getByRole('button', { name: 'Find chains' }).click();
  const chains = page.getByTestId('chain-list').locator('button');
  await expect(chains.first()).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await sourceFeatures(page, 'chains')).length).toBeGreaterThan(0);
  await chains.first().click();
  await mapIdle(page);
  await page.screenshot({ path: testInfo.outputPath('workspace-chains.png') });
});
