/**
 * Saved areas in the loop (issue 13 item 5): pick a ward on the map as an area (Escape first
 * cancels a pick), then filter the records by that saved area. The saved area is a copy of the
 * ward's outline, so it must select exactly the records the ward itself selects, and fewer than all.
 * Data are imported through the Api to keep the test short.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test } from './fixtures.js';

test.use({ locale: 'en-GB' });

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample');
const WARD = 'Ashbridge Central';

test('picks a ward on the map as an area and filters the records by it', async ({
  page,
  hotspot,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const auth = { Authorization: `Bearer ${hotspot.token}` };
  const upload = async (name: string) => {
    const response = await request.post(`${hotspot.origin}/api/upload?name=${name}`, {
      headers: { ...auth, 'Content-Type': 'application/octet-stream' },
      data: await readFile(resolve(SAMPLE, name)),
    });
    return (await response.json()).value;
  };
  const call = async (method: string, input: unknown) => {
    const response = await request.post(`${hotspot.origin}/api/call/${method}`, {
      headers: auth,
      data: input,
    });
    const envelope = await response.json();
    expect(envelope.ok, JSON.stringify(envelope.error)).toBe(true);
    return envelope.value;
  };
  const crimes = await upload('police_crimes.csv');
  const preview = await call('previewImport', { file: crimes });
  await call('runImport', {
    jobId: `job-e2e-${Date.now()}`,
    file: crimes,
    dataset: 'Police crimes',
    mapping: preview.mapping,
  });
  await call('importBoundaries', {
    file: await upload('wards.geojson'),
    name: 'Wards',
    codeField: 'WD24CD',
    nameField: 'WD24NM',
  });
  const wards = JSON.parse(await readFile(resolve(SAMPLE, 'wards.geojson'), 'utf8')) as {
    features: { properties: { WD24NM: string }; geometry: { coordinates: number[][][] } }[];
  };
  const ring = wards.features.find((f) => f.properties.WD24NM === WARD)!.geometry.coordinates[0]!;
  // The mean of the corners: inside this (convex) ward.
  const inside = [0, 1].map((k) => ring.slice(1).reduce((s, p) => s + p[k]!, 0) / (ring.length - 1));

  await page.goto(hotspot.url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('Records (8,905)')).toBeVisible({ timeout: 60_000 });
  // Show the wards on the map (Data tab), then pick one from the Analysis tab.
  await page.getByRole('tab', { name: 'Data' }).click();
  const wardsRow = page.getByTestId('boundary-list').locator('li', { hasText: 'Wards' });
  if (!(await wardsRow.getByRole('checkbox').isChecked())) await wardsRow.getByRole('checkbox').check();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('area-shape').selectOption('boundary');
  const pick = page.locator('[data-action="draw-area"]');
  await expect(pick).toHaveText('Pick and save');
  const status = page
    .locator('[data-testid="area-list"]')
    .locator('xpath=preceding-sibling::p[@role="status"][1]');

  await pick.click();
  await expect(status).toContainText('Click a boundary area on the map');
  await page.keyboard.press('Escape');
  await expect(status).toHaveText('Picking cancelled.');

  await pick.click();
  const point = await page.evaluate(([lon, lat]) => {
    const map = (document.querySelector('.map') as unknown as { maplibreMap: import('maplibre-gl').Map })
      .maplibreMap;
    map.jumpTo({ center: [lon!, lat!], zoom: 13 });
    const p = map.project([lon!, lat!]);
    return { x: p.x, y: p.y };
  }, inside);
  await page.locator('.map canvas').first().click({ position: point });
  // Left unnamed, the area takes the ward's own name.
  await expect(page.getByTestId('area-list')).toContainText(WARD, { timeout: 30_000 });
  await expect(page.getByTestId('area-list')).toContainText('Wards');
  await expect(status).toContainText(`Saved "${WARD}"`);

  // Filter by the saved area, then by the ward itself: the same records, fewer than all.
  await page.getByRole('tab', { name: 'Filter' }).click();
  const areaFilter = page.getByTestId('area-filter');
  const matched = async () =>
    Number(((await page.getByTestId('filter-count').textContent()) ?? '').replace(/,/g, ''));
  await expect(areaFilter.locator('optgroup[label="Saved areas"] option')).toHaveText([WARD]);
  await areaFilter.selectOption({ label: WARD });
  await expect(page.getByTestId('filter-words')).toContainText(`in ${WARD} (saved area)`, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('filter-status')).toContainText('(1 filter on)');
  await expect.poll(matched, { timeout: 30_000 }).toBeLessThan(8_905);
  const bySavedArea = await matched();
  expect(bySavedArea).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('saved-area-filter.png'), fullPage: true });

  const wardOption = areaFilter.locator('optgroup[label="Wards"] option', { hasText: WARD });
  await areaFilter.selectOption(await wardOption.getAttribute('value'));
  await expect(page.getByTestId('filter-words')).toContainText(`in ${WARD} (Wards)`, { timeout: 30_000 });
  await expect.poll(matched, { timeout: 30_000 }).toBe(bySavedArea);

  await areaFilter.selectOption({ label: 'Whole area (no area filter)' });
  await expect.poll(matched, { timeout: 30_000 }).toBe(8_905);
});
