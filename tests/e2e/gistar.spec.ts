/**
 * Gi* hot and cold spots in the browser (issue 13 item 2): import the sample town's police crimes
 * through the Api, run the Gi* panel with 100 m cells and a 200 m band, and see the classes counted
 * and the bins drawn on the map (screenshot kept as an artefact).
 */
import { importSample } from './engine-calls.js';
import { expect, test } from './fixtures.js';

test.use({ locale: 'en-GB' });

test('finds hot spots with Gi* and draws them on the map', async ({ page, hotspot, request }, testInfo) => {
  test.setTimeout(240_000);
  await importSample(request, hotspot, 'police_crimes.csv', 'Police crimes');

  await page.goto(hotspot.url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('gistar-cell').fill('100');
  await page.getByTestId('gistar-distance').fill('200');
  await page.locator('[data-action="run-gistar"]').click();
  const result = page.getByTestId('gistar-result');
  await expect(result).toContainText('Hot spot cells by confidence: 99 %:', { timeout: 120_000 });
  await expect(result).toContainText('95–99 %:');
  await expect(result).toContainText('Results depend on the study area');
  await expect(result).toContainText('distance band 200 m (suggested');
  await expect(result).toContainText('Benjamini–Hochberg');
  await expect(result).not.toContainText('{');
  await page.screenshot({ path: testInfo.outputPath('gistar.png') });
});
