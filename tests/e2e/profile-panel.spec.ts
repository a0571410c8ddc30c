/**
 * The Profile tab end to end: build a problem profile of a crime type, see it in the sandboxed
 * preview, edit a section (saved as you type, shown in the preview), and export it as HTML through
 * the export dialog (the web host returns the bytes; the browser downloads them). The data is
 * imported through the Api to keep the test short; the wizard has its own test.
 */

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { importFile, SAMPLE } from './engine-calls.js';
import { expect, test } from './fixtures.js';

test.use({ locale: 'en-GB' });

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible();
}

test('builds a profile, edits a section and exports it as HTML', async ({
  page,
  hotspot,
  request,
}, testInfo) => {
  const data = await readFile(join(SAMPLE, 'police_crimes.csv'));
  const { summary } = await importFile(request, hotspot, 'police_crimes.csv', data, 'Police crimes');
  // Every data row of the sample's police extract is accepted (one record per line after the header).
  expect(summary.rowsAccepted).toBe(
    readFileSync(join(SAMPLE, 'police_crimes.csv'), 'utf8').trimEnd().split('\n').length - 1,
  );
  await openApp(page, hotspot.url);

  await page.getByRole('tab', { name: 'Profile' }).click();
  const panel = page.locator('#tabpanel-profile');
  await panel.getByRole('combobox', { name: 'Subject' }).selectOption('category:Burglary');
  await panel.getByLabel('From', { exact: true }).fill('01/01/2025');
  await panel.getByLabel('To (inclusive)').fill('31/12/2025');
  await panel.getByLabel('Author').fill('A. Analyst');
  await expect(panel.getByLabel('Marking')).toHaveValue('OFFICIAL-SENSITIVE');
  await panel.getByRole('button', { name: 'Build profile' }).click();

  const frame = page.frameLocator('[data-testid="profile-preview"]');
  await expect(frame.locator('body')).toContainText('OFFICIAL-SENSITIVE', { timeout: 90_000 });
  await expect(frame.locator('body')).toContainText('Burglary');
  // Sandboxed: nothing in the preview may run.
  await expect(page.getByTestId('profile-preview')).toHaveAttribute('sandbox', 'allow-same-origin');
  // Styled although the app's CSP refuses inline styles (applied through the CSSOM).
  await expect(frame.locator('h1').first()).not.toHaveCSS('font-family', /^"?Times/);
  await page.screenshot({ path: testInfo.outputPath('profile-preview.png') });

  // Edit the summary: saved after a pause, kept in the preview.
  const summaryBox = panel.locator('textarea[data-section="summary"]');
  await summaryBox.fill('Burglary is concentrated in the Abbey Fields estate; cocoon after each break-in.');
  await expect(panel.getByTestId('save-state-summary')).toHaveText('Saved');
  await expect(frame.locator('body')).toContainText('cocoon after each break-in');

  // Export as HTML through the dialog.
  await page.getByRole('button', { name: 'Export…' }).first().click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel('Profile as HTML').check();
  await expect(dialog.getByLabel('Protective marking')).toHaveValue('OFFICIAL-SENSITIVE');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.html$/);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const html = await readFile(path, 'utf8');
  expect(html).toContain('OFFICIAL-SENSITIVE');
  expect(html).toContain('cocoon after each break-in');
  expect(html).not.toMatch(/\b(src|href)=["']https?:/);
});
