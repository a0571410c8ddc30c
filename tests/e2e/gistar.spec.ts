/**
 * Gi* hot and cold spots in the browser (issue 13 item 2): import the sample town's police crimes
 * through the Api, run the Gi* panel with 100 m cells and a 200 m band, and see the classes counted
 * and the bins drawn on the map (screenshot kept as an artefact).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test } from './fixtures.js';

test.use({ locale: 'en-GB' });

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample');

test('finds hot spots with Gi* and draws them on the map', async ({ page, hotspot, request }, testInfo) => {
  test.setTimeout(240_000);
  const auth = { Authorization: `Bearer ${hotspot.token}` };
  const upload = await request.post(`${hotspot.origin}/api/upload?name=police_crimes.csv`, {
    headers: { ...auth, 'Content-Type': 'application/octet-stream' },
    data: await readFile(resolve(SAMPLE, 'police_crimes.csv')),
  });
  const ref = (await upload.json()).value;
  const call = async (method: string, input: unknown) => {
    const response = await request.post(`${hotspot.origin}/api/call/${method}`, {
      headers: auth,
      data: input,
    });
    const envelope = await response.json();
    expect(envelope.ok, JSON.stringify(envelope.error)).toBe(true);
    return envelope.value;
  };
  const preview = await call('previewImport', { file: ref });
  await call('runImport', {
    jobId: `job-e2e-${Date.now()}`,
    file: ref,
    dataset: 'Police crimes',
    mapping: preview.mapping,
  });

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
