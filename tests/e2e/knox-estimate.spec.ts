/**
 * The Knox panel says before Run how long the run will take (issue 15 item 4): the sample town's
 * police crimes, the estimate line from planKnox, updated when the iterations change.
 */
import { importSample } from './engine-calls.js';
import { expect, test } from './fixtures.js';

test('the Knox panel shows the estimated run time and close pairs before Run, and follows the inputs', async ({
  page,
  hotspot,
  request,
}) => {
  await importSample(request, hotspot, 'police_crimes.csv', 'Police crimes');
  await page.goto(hotspot.url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const knox = page.locator('[data-panel="knox"]');
  const estimate = knox.getByTestId('knox-estimate');
  await expect(estimate).toHaveText(/for 99 iterations \([\d,.]+( M)? close pairs\)\.$/, { timeout: 30_000 });
  await knox.locator('input[name="iterations"]').fill('999');
  await expect(estimate).toHaveText(/for 999 iterations \([\d,.]+( M)? close pairs\)\.$/, {
    timeout: 30_000,
  });
});
