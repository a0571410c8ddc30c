/**
 * The import wizard and the Data tab end to end (issue 4, item 9): a small extract with a personal-data
 * column and bad rows goes through preview → mapping (a guess corrected by hand) → PII (strip, or keep
 * with a reason) → check (issues listed and downloadable) → import; then Undo last import, Escape
 * leaving the wizard, and a boundary layer imported with its code and name fields chosen.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample');

const EXTRACT = [
  'Ref,Offence,Incident Date,Incident Time,Easting,Northing,Victim Name,Street',
  'R1,Burglary,01/02/2025,10:00,372000,455000,John Smith,Mill Drive',
  'R2,Burglary,31/02/2025,11:00,372100,455100,Jane Doe,Mill Drive',
  'R3,Theft,03/02/2025,12:00,,455200,Bob Jones,Queensway',
  'R4,Theft,04/02/2025,13:30,372300,455300,Ann Lee,Queensway',
  'R5,Criminal Damage,05/02/2025,23:15,372400,455400,Sam Hill,Moor Street',
].join('\r\n');

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible();
}

async function chooseForImport(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(path);
}

test('checks an extract row by row, strips personal data, imports, undoes, and imports wards', async ({
  page,
  hotspot,
}, testInfo) => {
  const path = join(hotspot.dir, 'burglary_extract.csv');
  await writeFile(path, EXTRACT);
  await openApp(page, hotspot.url);
  await expect(page.getByTestId('dataset-list')).toContainText('No datasets yet');

  // Escape leaves the wizard without importing.
  await chooseForImport(page, path);
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByTestId('import-preview')).toContainText('Victim Name');
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);

  await chooseForImport(page, path);
  await expect(wizard.getByTestId('import-preview').locator('tbody tr')).toHaveCount(5);
  await wizard.getByRole('button', { name: 'Next' }).click();

  // Mapping: the guesses are shown; take category away and the wizard says what is missing is fine,
  // take the location away and it refuses to go on until it is mapped again.
  await expect(wizard.getByRole('textbox', { name: 'Dataset name' })).toHaveValue('Burglary extract');
  await expect(wizard.locator('select[data-field="x"]')).toHaveValue('Easting');
  await wizard.locator('select[data-field="x"]').selectOption('');
  await expect(wizard.getByTestId('mapping-problems')).toContainText('map a location');
  await expect(wizard.getByRole('button', { name: 'Next' })).toBeDisabled();
  await wizard.locator('select[data-field="x"]').selectOption('Easting');
  await wizard.locator('select[data-field="category"]').selectOption('Offence');
  await wizard.locator('select[data-field="location"]').selectOption('Street');
  await expect(wizard.getByTestId('mapping-problems')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('wizard-mapping.png') });
  // Enter moves on, as the dialog's default button.
  await wizard.getByRole('textbox', { name: 'Dataset name' }).press('Enter');

  // Personal data: found by its header; keeping it needs a reason.
  const finding = wizard.locator('fieldset.pii-finding[data-column="Victim Name"]');
  await expect(finding).toBeVisible();
  await finding.getByLabel('Keep it, with a reason').check();
  await expect(wizard.getByRole('button', { name: 'Next' })).toBeDisabled();
  await finding.getByRole('textbox').fill('too short');
  await expect(wizard.getByRole('button', { name: 'Next' })).toBeDisabled();
  await finding.getByLabel('Strip this column (recommended)').check();
  await expect(wizard.getByRole('button', { name: 'Next' })).toBeEnabled();
  await wizard.getByRole('button', { name: 'Next' }).click();

  // Check: every row accounted for, issues with row, column, value and reason.
  const summary = wizard.getByTestId('check-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary.locator('.tile', { hasText: 'Rows read' })).toContainText('5');
  await expect(summary.locator('.tile', { hasText: 'Rejected' })).toContainText('2');
  const issues = wizard.getByTestId('check-issues');
  await expect(issues.locator('tr', { hasText: '31/02/2025' })).toContainText('3');
  await expect(issues.locator('tbody tr').filter({ hasText: /^4/ })).toContainText('Easting');
  await page.screenshot({ path: testInfo.outputPath('wizard-check.png') });
  const downloading = page.waitForEvent('download');
  await wizard.getByRole('button', { name: 'Download issues (CSV)' }).click();
  const download = await downloading;
  const csvPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(csvPath);
  const csv = await readFile(csvPath, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('row,severity,column,value,reason');
  expect(csv).toContain('3,rejected,');
  expect(csv).not.toContain('Jane Doe');

  await wizard.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.toast-success')).toContainText('Imported 3 of 5 rows');
  const dataset = page.locator('article.dataset', { hasText: 'Burglary extract' });
  await expect(dataset.getByTestId('dataset-count')).toHaveText('3 records');
  await dataset.getByText(/Provenance/).click();
  await expect(dataset).toContainText('burglary_extract.csv');
  await expect(dataset.getByRole('button', { name: /Rejected rows \(2\) CSV/ })).toBeVisible();

  // Undo the import (confirmed): its records go.
  await dataset.getByRole('button', { name: 'Undo last import' }).click();
  const confirm = page.getByRole('dialog', { name: 'Undo last import' });
  await expect(confirm).toContainText('3 records');
  await confirm.getByRole('button', { name: 'Undo import' }).click();
  await expect(page.locator('.toast-success').last()).toContainText('Removed 3 records');
  await expect(page.getByTestId('project-name')).toHaveText('e2e');
  await expect(page.locator('[data-panel="project-info"]')).toContainText(/Records\s*0/);

  // A boundary layer with its code and name fields chosen.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import boundaries…' }).click();
  await (await chooser).setFiles(join(SAMPLE, 'wards.geojson'));
  const boundaryDialog = page.getByTestId('boundary-dialog');
  await expect(boundaryDialog).toContainText('8 polygon features');
  await expect(boundaryDialog.locator('select[data-field="code"]')).toHaveValue('WD24CD');
  await expect(boundaryDialog.locator('select[data-field="name"]')).toHaveValue('WD24NM');
  await boundaryDialog.getByRole('button', { name: 'Import' }).click();
  const layer = page.getByTestId('boundary-list').locator('li', { hasText: 'wards' });
  await expect(layer).toContainText('8 areas');
  await expect(layer).toContainText('code WD24CD, name WD24NM');
  await expect(layer.getByRole('checkbox')).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('data-tab.png') });
});
