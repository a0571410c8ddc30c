/**
 * The tasking loop in the browser (issue 13 items 1, 4, 5): draw a rectangle on the map and save it
 * as an area, run the tactical assessment of the last quarter and see the hotspot classes, then task
 * an action against the saved area and see it in the list with dd/mm/yyyy dates. Data are imported
 * through the Api to keep the test short.
 */
import { importSample } from './engine-calls.js';
import { expect, test } from './fixtures.js';

test.use({ locale: 'en-GB' });

test('draws an area, assesses the last quarter and tasks an action against the area', async ({
  page,
  hotspot,
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  await importSample(request, hotspot, 'police_crimes.csv', 'Police crimes');

  await page.goto(hotspot.url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible({ timeout: 90_000 });
  // Let the view settle on the data before drawing (the first fit moves the map).
  await expect(page.getByText('Records (8,905)')).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(1_000);
  await page.getByRole('tab', { name: 'Analysis' }).click();

  // Areas: a rectangle from two clicks on the map.
  await page.getByLabel('Name').first().fill('Market Square');
  await page.getByTestId('area-shape').selectOption('rectangle');
  await page.locator('[data-action="draw-area"]').click();
  const canvas = page.locator('.map canvas').first();
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width * 0.4, y: box.height * 0.4 } });
  await canvas.click({ position: { x: box.width * 0.6, y: box.height * 0.6 } });
  await expect(page.getByTestId('area-list')).toContainText('Market Square', { timeout: 30_000 });
  await expect(page.getByTestId('area-list')).toContainText('rectangle drawn on the map');
  // A fifth of a town-sized view each way: well under the town's area.
  const km2 = Number(/([\d.]+) km²/.exec((await page.getByTestId('area-list').textContent()) ?? '')![1]);
  expect(km2).toBeGreaterThan(0.01);
  expect(km2).toBeLessThan(20);

  // Tactical assessment of the last quarter.
  await page.getByTestId('tactical-from').fill('01/10/2025');
  await page.getByTestId('tactical-from').press('Tab');
  await page.getByTestId('tactical-to').fill('31/12/2025');
  await page.getByTestId('tactical-to').press('Tab');
  await page.locator('[data-action="run-tactical"]').click();
  const result = page.getByTestId('tactical-result');
  await expect(result).toContainText('Jaccard', { timeout: 240_000 });
  await expect(result).toContainText('persisting');
  await expect(result).toContainText('events in 01/10/2025 to 31/12/2025');

  // An action against the saved area.
  await expect(page.getByTestId('action-target')).toContainText('Area: Market Square');
  await page.getByTestId('action-target').selectOption({ label: 'Area: Market Square' });
  await page.getByLabel('Action', { exact: true }).fill('Evening patrols');
  await page.getByLabel('Owner').fill('Neighbourhood team');
  await page.getByLabel('Start date').fill('01/01/2026');
  await page.getByLabel('Start date').press('Tab');
  await page.getByLabel('End date').fill('31/01/2026');
  await page.getByLabel('End date').press('Tab');
  await page.locator('[data-action="save-action"]').click();
  await expect(page.getByTestId('action-list')).toContainText('Evening patrols', { timeout: 30_000 });
  await expect(page.getByTestId('action-list')).toContainText('01/01/2026 to 31/01/2026');
  // The three layers are on the map: the saved area, the classed hotspot outlines and the action.
  const drawn = await page.evaluate(() => {
    const map = (document.querySelector('.map') as unknown as { maplibreMap: import('maplibre-gl').Map })
      .maplibreMap;
    const ids = (map.getStyle().layers ?? []).map((l) => l.id);
    const data = (id: string) => {
      const source = map.getSource(id) as unknown as
        | { serialize(): { data: { features: unknown[] } } }
        | undefined;
      return source ? source.serialize().data.features.length : -1;
    };
    return {
      ids,
      areas: data('saved-areas'),
      hotspots: data('tactical-hotspots'),
      actions: data('jag-actions'),
    };
  });
  expect(drawn.ids).toEqual(
    expect.arrayContaining(['saved-areas-line', 'tactical-hotspots-line', 'jag-actions-points']),
  );
  expect([drawn.areas, drawn.actions]).toEqual([1, 1]);
  expect(drawn.hotspots).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('tasking.png'), fullPage: true });
});
