/**
 * The panels explain themselves and never pass an old result off as the current one (issue 11,
 * items 7–9, 11): a result made before a filter change is marked in its panel and over the map;
 * every date field reads and writes dd/mm/yyyy under an en-US browser; the month-only guard is
 * inline with Run disabled and its reason beside it, until the analyst gives an override reason;
 * the profile preview raises no CSP refusals; the favicon is served. Data are imported through the
 * Api to keep the tests short (the wizard has its own test).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { APIRequestContext, ConsoleMessage, Page } from '@playwright/test';
import { importFile, SAMPLE } from './engine-calls.js';
import { expect, type Served, test } from './fixtures.js';

// The browser's locale is American: the app must still write and read dd/mm/yyyy.
test.use({ locale: 'en-US' });

/** A stored record's lon/lat, read through the Api (not from the page). */
async function recordLonLat(
  request: APIRequestContext,
  hotspot: Served,
  id: number,
): Promise<[number, number]> {
  const response = await request.post(`${hotspot.origin}/api/call/getRecords`, {
    headers: { Authorization: `Bearer ${hotspot.token}` },
    data: { ids: [id] },
  });
  const [row] = (await response.json()).value as { lon: number; lat: number }[];
  return [row!.lon, row!.lat];
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // The first idle waits for the whole map (software WebGL on a shared machine): allow it time.
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('project-name')).toHaveText('e2e');
}

test('a result made before a filter change is marked in its panel and over the map', async ({
  page,
  hotspot,
  request,
}, testInfo) => {
  await importFile(
    request,
    hotspot,
    'police_crimes.csv',
    await readFile(resolve(SAMPLE, 'police_crimes.csv')),
    'Police crimes',
  );
  await openApp(page, hotspot.url);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByTestId('kde-scope')).toContainText(
    'points: all datasets; all categories; all dates',
  );
  await page.getByRole('button', { name: 'Run kernel density' }).click();
  await expect(page.getByTestId('hotspot-table').locator('tbody tr').first()).toBeVisible({
    timeout: 90_000,
  });
  // Fresh: nothing marked; the provenance names the filter in words, never as JSON.
  await expect(page.getByTestId('kde-stale')).toBeHidden();
  await expect(page.getByTestId('map-stale')).toBeHidden();
  await page.getByTestId('kde-provenance').locator('summary').click();
  await expect(page.getByTestId('kde-provenance')).toContainText('all datasets; all categories; all dates');
  await expect(page.getByTestId('kde-provenance')).not.toContainText('{');

  // Narrow the filter to burglary: the hotspots were made from all categories.
  await page.getByRole('tab', { name: 'Filter' }).click();
  const categories = page.getByTestId('category-filter');
  await categories.getByRole('button', { name: 'None' }).click();
  await categories.getByRole('checkbox', { name: /Burglary/ }).check();
  await expect(page.getByTestId('filter-words')).toHaveText('all datasets; categories: Burglary; all dates');
  await expect(page.getByTestId('map-stale')).toBeVisible();
  await expect(page.getByTestId('map-stale')).toContainText('different selection');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const stale = page.getByTestId('kde-stale');
  await expect(stale).toBeVisible();
  await expect(stale).toContainText('for a different selection (all datasets; all categories; all dates)');
  await stale.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('panels-stale.png') });

  // Back to the selection it was made from: no longer marked.
  await page.getByRole('tab', { name: 'Filter' }).click();
  await categories.getByRole('button', { name: 'All' }).click();
  await expect(page.getByTestId('map-stale')).toBeHidden();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(stale).toBeHidden();

  // Clearing the result from the notice removes it from the panel and the map.
  await page.getByRole('tab', { name: 'Filter' }).click();
  await categories.getByRole('button', { name: 'None' }).click();
  await categories.getByRole('checkbox', { name: /Vehicle Offences/ }).check();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await stale.getByRole('button', { name: 'Clear the hotspots' }).click();
  await expect(page.getByTestId('hotspot-table')).toHaveCount(0);
  await expect(page.getByTestId('map-stale')).toBeHidden();
});

test('dates are dd/mm/yyyy under an en-US browser locale', async ({ page, hotspot, request }, testInfo) => {
  await importFile(
    request,
    hotspot,
    'police_crimes.csv',
    await readFile(resolve(SAMPLE, 'police_crimes.csv')),
    'Police crimes',
  );
  await openApp(page, hotspot.url);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await page.getByRole('tab', { name: 'Filter' }).click();
  const from = page.getByRole('textbox', { name: 'From date (dd/mm/yyyy)' });
  const to = page.getByRole('textbox', { name: 'To date (dd/mm/yyyy)' });
  await expect(from).toHaveAttribute('placeholder', 'dd/mm/yyyy');

  // The sample ends on 31/12/2025: its last 28 days start on 04/12/2025 (day first).
  await page.getByRole('button', { name: 'Last 28 days' }).click();
  await expect(from).toHaveValue('04/12/2025');
  await expect(to).toHaveValue('31/12/2025');
  await expect(page.getByTestId('filter-words')).toContainText('04/12/2025 to 31/12/2025');

  // Typed day first: 01/02/2025 is the 1st of February, whatever the browser thinks.
  await from.fill('01/02/2025');
  await from.press('Tab');
  await to.fill('28/02/2025');
  await to.press('Tab');
  await expect(page.getByTestId('filter-words')).toContainText('01/02/2025 to 28/02/2025');

  // A month-first date is refused with what to write, and the filter keeps its dates.
  await to.fill('02/30/2025');
  await to.press('Tab');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('date-error')).toContainText('dd/mm/yyyy');
  await expect(page.getByTestId('filter-words')).toContainText('01/02/2025 to 28/02/2025');
  await page.screenshot({ path: testInfo.outputPath('panels-dates-en-us.png') });

  // The records table of the selection: February 2025, sortable, exportable, and a record locates on the map.
  await page.getByText('Show the records table').click();
  const records = page.getByTestId('records-table');
  const firstWhen = records.locator('tbody tr').first().locator('td').nth(3);
  // Windows count by their midpoint, so the earliest may start on 31/01 and the latest end in March.
  await expect(firstWhen).toContainText(/^(31\/01|01\/02)\/2025/);
  await records.getByRole('button', { name: /^When/ }).click();
  await expect(records.locator('th[aria-sort="descending"]')).toContainText('When');
  await expect(firstWhen).toContainText(/^(2[5-8]\/02)\/2025/);
  const downloading = page.waitForEvent('download');
  await records.getByRole('button', { name: 'Export the selected records as CSV' }).click();
  const csvPath = testInfo.outputPath('selected-records.csv');
  await (await downloading).saveAs(csvPath);
  const csv = (await readFile(csvPath, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(csv[0]).toBe('record,dataset,category,subcategory,when,location,x,y');
  expect(csv.length).toBeGreaterThan(2);
  expect(csv.slice(1).every((line) => /,\d\d\/0[123]\/2025/.test(line))).toBe(true);
  await records
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /^Locate record \d+ on the map$/ })
    .click();
  // The located record is ringed on the map: the ring is drawn where the record's point is.
  const recordId = Number(
    await records
      .locator('tbody tr')
      .first()
      .getByRole('button', { name: /^Locate record/ })
      .textContent(),
  );
  const recordAt = await recordLonLat(request, hotspot, recordId);
  await expect
    .poll(() =>
      page.evaluate(([lon, lat]) => {
        const map = (
          document.getElementById('map') as HTMLElement & {
            maplibreMap: {
              project(p: [number, number]): { x: number; y: number };
              queryRenderedFeatures(p: [number, number], o: { layers: string[] }): unknown[];
            };
          }
        ).maplibreMap;
        const { x, y } = map.project([lon!, lat!]);
        return map.queryRenderedFeatures([x, y], { layers: ['located-ring'] }).length;
      }, recordAt),
    )
    .toBe(1);
  await records.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('panels-records-table.png') });

  // The chains' "as of" and the profile's period are dd/mm/yyyy too.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByRole('textbox', { name: 'As of date (dd/mm/yyyy)' })).toHaveAttribute(
    'placeholder',
    '31/12/2025',
  );
  await page.getByRole('tab', { name: 'Profile' }).click();
  const panel = page.locator('#tabpanel-profile');
  await expect(panel.getByLabel('From', { exact: true })).toHaveValue('01/02/2025');
  await expect(panel.getByLabel('To (inclusive)')).toHaveValue('28/02/2025');
  await expect(page.locator('input[type="date"]')).toHaveCount(0);
});

test('the month-only guard is inline: Run waits with its reason until an override reason is given', async ({
  page,
  hotspot,
  request,
}, testInfo) => {
  // A police.uk street-level extract: month only, lon/lat in the sample town.
  const header =
    'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
  const rows = Array.from({ length: 30 }, (_, i) => {
    const lon = (-2.43 + (i % 6) * 0.002).toFixed(6);
    const lat = (53.99 + Math.floor(i / 6) * 0.002).toFixed(6);
    return `id${i},2024-0${1 + (i % 3)},Force,Force,${lon},${lat},On or near Oak Drive,E01000001,Town 001A,Burglary,,`;
  });
  await importFile(
    request,
    hotspot,
    'police_uk.csv',
    Buffer.from(`${header}\n${rows.join('\n')}\n`),
    'police.uk',
  );
  await openApp(page, hotspot.url);
  await page.getByRole('tab', { name: 'Analysis' }).click();

  const run = page.getByRole('button', { name: 'Run Knox test' });
  const knox = page.locator('[data-panel="knox"]');
  await expect(knox.getByRole('group', { name: 'Month-only records (Knox test)' })).toContainText(
    '30 of 30 records have a month only',
  );
  await expect(run).toBeDisabled();
  await expect(page.getByTestId('knox-run-reason')).toContainText('30 records have a month only');
  await expect(page.getByRole('button', { name: 'Find chains' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('panels-month-guard.png') });

  await knox.getByRole('checkbox', { name: /Run anyway/ }).check();
  await expect(run).toBeDisabled();
  await expect(page.getByTestId('knox-run-reason')).toContainText('Give the reason');
  await knox.getByRole('textbox', { name: /Reason/ }).fill('Exploratory look at the quarter');
  await expect(run).toBeEnabled();
  await expect(page.getByTestId('knox-run-reason')).toHaveText('');
  await run.click();
  await expect(page.getByTestId('knox-table')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('knox-provenance').locator('summary').click();
  await expect(page.getByTestId('knox-provenance')).toContainText(
    'by analyst override: Exploratory look at the quarter',
  );

  // The wide view: the table with the reading beside it.
  await page.getByRole('button', { name: 'Open the table in a wide view' }).click();
  const wide = page.getByTestId('knox-wide-dialog');
  await expect(wide.getByTestId('knox-table')).toBeVisible();
  await expect(wide).toContainText('What it says');
  await page.screenshot({ path: testInfo.outputPath('panels-knox-wide.png') });
  await wide.getByRole('button', { name: 'Close' }).click();
});

test('the profile preview raises no CSP refusals and the favicon is served', async ({
  page,
  hotspot,
  request,
}, testInfo) => {
  const refusals: string[] = [];
  const notFound: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      refusals.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() === 404) notFound.push(response.url());
  });
  await importFile(
    request,
    hotspot,
    'police_crimes.csv',
    await readFile(resolve(SAMPLE, 'police_crimes.csv')),
    'Police crimes',
  );
  const favicon = page.waitForResponse((response) =>
    new URL(response.url()).pathname.endsWith('favicon.svg'),
  );
  await openApp(page, hotspot.url);
  expect((await favicon).status()).toBe(200);

  await page.getByRole('tab', { name: 'Profile' }).click();
  const panel = page.locator('#tabpanel-profile');
  await panel.getByRole('combobox', { name: 'Subject' }).selectOption('category:Burglary');
  await panel.getByLabel('From', { exact: true }).fill('01/01/2025');
  await panel.getByLabel('To (inclusive)').fill('31/12/2025');
  await panel.getByRole('button', { name: 'Build profile' }).click();
  const frame = page.frameLocator('[data-testid="profile-preview"]');
  await expect(frame.locator('body')).toContainText('Burglary', { timeout: 90_000 });
  // Styled through the CSSOM: headings are not in the browser's default serif.
  await expect(frame.locator('h1').first()).not.toHaveCSS('font-family', /^"?Times/);
  await expect(frame.locator('[data-preview-style]').first()).toBeAttached();
  await page.screenshot({ path: testInfo.outputPath('panels-profile-preview.png') });
  expect(refusals, refusals.slice(0, 3).join('\n')).toEqual([]);
  expect(notFound).toEqual([]);
});
