/**
 * The results analysis in the browser (issue 13 item 6): import the sample town's police crimes and
 * save a target, a buffer and a control through the Api, then run the Results panel for July–September
 * against October–December 2025 and check the counts against the extract (counted here by the
 * window-midpoint rule), the WDQ worked from them, the WDD with its interval, the PAI / PEI / RRI and
 * the two charts. Screenshot kept as an artefact.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { makeTransform } from '../../shared/crs/transform.js';
import { importSample, SAMPLE } from './engine-calls.js';
import { expect, test } from './fixtures.js';

test.use({ locale: 'en-GB' });
type Box = [number, number, number, number];
// Edges on half metres: the extract's points are whole metres, so none lies on an edge.
const TARGET: Box = [372_000.5, 454_750.5, 372_250.5, 455_000.5];
const BUFFER: Box = [371_750.5, 454_500.5, 372_500.5, 455_250.5];
const CONTROL: Box = [373_500.5, 453_500.5, 374_250.5, 454_250.5];

/** Wall-clock ms of "dd/mm/yyyy hh:mm". */
function wallClock(text: string): number {
  const [d, m, y, hh, mm] = text.split(/[/ :]/).map(Number);
  return Date.UTC(y!, m! - 1, d!, hh!, mm!);
}

/** Counts per area and period by the window's midpoint, the buffer outside the target. */
function expectedCounts() {
  const rows = Papa.parse<Record<string, string>>(
    readFileSync(resolve(SAMPLE, 'police_crimes.csv'), 'utf8'),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data;
  const periods = {
    before: [Date.UTC(2025, 6, 1), Date.UTC(2025, 9, 1)],
    after: [Date.UTC(2025, 9, 1), Date.UTC(2026, 0, 1)],
  } as const;
  const inBox = (x: number, y: number, b: Box) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
  const counts = {
    target: { before: 0, after: 0 },
    buffer: { before: 0, after: 0 },
    control: { before: 0, after: 0 },
  };
  for (const row of rows) {
    const [x, y] = [Number(row.Easting), Number(row.Northing)];
    const t = (wallClock(row['Committed From']!) + wallClock(row['Committed To']!)) / 2;
    const when = (['before', 'after'] as const).find((k) => t >= periods[k][0] && t < periods[k][1]);
    if (!when) continue;
    const inTarget = inBox(x, y, TARGET);
    if (inTarget) counts.target[when]++;
    else if (inBox(x, y, BUFFER)) counts.buffer[when]++;
    if (inBox(x, y, CONTROL)) counts.control[when]++;
  }
  return counts;
}

test('measures an action with the WDQ and WDD and shows the concentration curve', async ({
  page,
  hotspot,
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  const call = await importSample(request, hotspot, 'police_crimes.csv', 'Police crimes');
  const toWgs84 = makeTransform('EPSG:27700', 'EPSG:27700');
  const saved: number[] = [];
  for (const [name, b] of [
    ['Abbey Fields target', TARGET],
    ['Abbey Fields buffer', BUFFER],
    ['Eastfield control', CONTROL],
  ] as const) {
    const area = await call('saveArea', {
      name,
      shape: {
        kind: 'rectangle',
        cornersWgs84: [toWgs84.projectToWgs84(b[0], b[1]), toWgs84.projectToWgs84(b[2], b[3])],
      },
    });
    saved.push(area.id);
  }
  // A JAG action tasked against the target: the panel runs for it and records the result.
  const action = await call('createAction', {
    fields: {
      title: 'Evening patrols',
      type: 'prevention',
      owner: 'Police',
      startDate: '2025-10-01',
      endDate: '2025-12-31',
      status: 'completed',
      notes: '',
    },
    target: { kind: 'area', areaId: saved[0] },
  });

  await page.goto(hotspot.url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('results-target').selectOption({ label: 'Eastfield control' });
  await page.getByTestId('results-action').selectOption({ label: `A${action.id}: Evening patrols` });
  // The action's area becomes the target.
  await expect(page.getByTestId('results-target')).toHaveValue(String(saved[0]));
  await page.getByTestId('results-buffer').selectOption({ label: 'Abbey Fields buffer' });
  await page.getByTestId('results-control').selectOption({ label: 'Eastfield control' });
  for (const [id, date] of [
    ['results-before-from', '01/07/2025'],
    ['results-before-to', '30/09/2025'],
    ['results-after-from', '01/10/2025'],
    ['results-after-to', '31/12/2025'],
  ]) {
    await page.getByTestId(id!).fill(date!);
    await page.getByTestId(id!).press('Tab');
  }
  await page.locator('[data-action="run-results"]').click();
  const result = page.getByTestId('results-result');
  await expect(result).toContainText('Net change (WDD)', { timeout: 240_000 });

  // Counts as the extract gives them by the midpoint rule.
  const c = expectedCounts();
  const cells = await page.getByTestId('results-counts').locator('tbody tr').allTextContents();
  expect(cells).toHaveLength(3);
  expect(cells[0]).toContain(`Target${c.target.before}${c.target.after}`);
  expect(cells[1]).toContain(`Buffer${c.buffer.before}${c.buffer.after}`);
  expect(cells[2]).toContain(`Control${c.control.before}${c.control.after}`);

  // The WDQ worked by hand from those counts (the target fell relative to the control here).
  const controlRatio = c.control.after / c.control.before;
  const success = c.target.after / c.target.before - controlRatio;
  expect(success).toBeLessThan(0);
  const wdq = (c.buffer.after / c.buffer.before - controlRatio) / success;
  await expect(page.getByTestId('results-wdq')).toContainText(`WDQ ${wdq.toFixed(2)}:`);
  await expect(page.getByTestId('results-wdq')).toContainText(
    wdq > 0 ? 'Diffusion of benefits' : 'displacement',
  );
  // WDD = ΔT + ΔB − 2ΔC, SE = √(T + B + 4C) over both periods (one control for both).
  const delta = (k: keyof typeof c) => c[k].after - c[k].before;
  const total = (k: keyof typeof c) => c[k].after + c[k].before;
  const wdd = delta('target') + delta('buffer') - 2 * delta('control');
  const se = Math.sqrt(total('target') + total('buffer') + 4 * total('control'));
  const minus = (v: number) => (v < 0 ? `−${(-v).toFixed(1)}` : v.toFixed(1));
  await expect(page.getByTestId('results-wdd')).toContainText(
    `WDD ${minus(wdd)}, standard error ${se.toFixed(1)}`,
  );
  await expect(page.getByTestId('results-wdd')).toContainText('95 % interval');
  await expect(page.getByTestId('results-hotspots')).toContainText('PAI');
  await expect(page.getByTestId('results-hotspots')).toContainText('RRI');
  await expect(page.getByTestId('results-against-control')).toContainText(
    'Against the control, crime in the target fell',
  );
  await expect(page.getByTestId('results-caveats')).toContainText('regression to the mean');
  await expect(result).toContainText('before 01/07/2025 to 30/09/2025, after 01/10/2025 to 31/12/2025');
  await expect(result.locator('svg.chart')).toHaveCount(2);
  await expect(result).not.toContainText('{');
  await expect(result).not.toContainText('NaN');

  // Recorded against the action, it is listed with the action, worded as the panel words it.
  await page.locator('[data-action="record-result"]').click();
  await expect(page.getByTestId('results-recorded')).toContainText(`Result recorded against A${action.id}`, {
    timeout: 240_000,
  });
  const listed = page.getByTestId('action-list').getByTestId('action-result');
  await expect(listed).toContainText(`target ${c.target.before} → ${c.target.after} (`);
  await expect(listed).toContainText(`WDQ ${wdq.toFixed(2)}; WDD ${minus(wdd)} (95 % interval`);
  await expect(listed).toContainText(
    'Target Abbey Fields target, buffer Abbey Fields buffer, control Eastfield control',
  );
  await listed.screenshot({ path: testInfo.outputPath('action-result.png') });
  // Tall enough for the whole panel in one picture.
  await page.setViewportSize({ width: 1440, height: 2600 });
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('results.png'), fullPage: true });
  await result.screenshot({ path: testInfo.outputPath('results-panel.png') });
});

test('classes emerging hot spots, draws them with a legend and shows a cell’s working', async ({
  page,
  hotspot,
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  await importSample(request, hotspot, 'police_crimes.csv', 'Police crimes');

  await page.goto(hotspot.url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('emerging-end').fill('31/12/2025');
  await page.getByTestId('emerging-end').press('Tab');
  await page.getByTestId('emerging-length').fill('3');
  await page.getByTestId('emerging-slices').fill('8');
  await page.locator('[data-action="run-emerging"]').click();
  const result = page.getByTestId('emerging-result');
  await expect(result).toContainText('Slice-length check:', { timeout: 240_000 });
  await expect(result).toContainText('8 slices (quarters) from 01/01/2024 to 31/12/2025');
  await expect(page.getByTestId('emerging-legend')).toContainText('hot spot:');
  await expect(result).not.toContainText('{');
  // The classes are on the map.
  const drawn = await page.evaluate(() => {
    const map = (document.querySelector('.map') as unknown as { maplibreMap: import('maplibre-gl').Map })
      .maplibreMap;
    return (map.getStyle().layers ?? []).map((l) => l.id);
  });
  expect(drawn).toContain('emerging-patterns-image');
  // A listed cell's working: eight slices, the trend and the check.
  await result.locator('ul.boundary-list button').first().click();
  const working = page.getByTestId('emerging-working');
  await expect(working).toContainText('Mann–Kendall trend of the z series');
  await expect(working).toContainText('01/10/2025 to 31/12/2025:');
  // Eight slices, the trend and the check (and a line when the cell is rising).
  expect(await working.locator('p').count()).toBeGreaterThanOrEqual(10);
  await expect(working).toContainText('With slices of');
  await page.setViewportSize({ width: 1440, height: 2200 });
  await page.getByTestId('emerging-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('emerging.png') });
  await result.screenshot({ path: testInfo.outputPath('emerging-panel.png') });
});
