/**
 * The shell end to end: the built renderer in Chromium against `hotspot serve` and the real engine.
 * Every test also runs the `network` fixture: zero requests may leave 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** Sea (the style's background, #e3e8ed) and land fill (#fafaf8) of the local style. */
const SEA_RGB = [0xe3, 0xe8, 0xed];
const LAND_RGB = [0xfa, 0xfa, 0xf8];

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.map[data-map-ready="true"]')).toBeVisible();
}

test('loads the app, opens the project from the command line and draws the map', async ({
  page,
  hotspot,
  network,
}, testInfo) => {
  await openApp(page, hotspot.url);
  await expect(page.getByTestId('project-name')).toHaveText('e2e');
  await expect(page.locator('[data-panel="project-info"]')).toContainText(hotspot.projectPath);
  // The token left the address bar for memory.
  expect(page.url()).not.toContain('token=');

  // Read the WebGL canvas back: sea, land over it, and coast and graticule lines darker than both.
  const counts = await page.evaluate(
    ([sea, land]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      const gl = canvas.getContext('webgl2')!;
      const data = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
      gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, data);
      const near = (i: number, c: number[]) =>
        Math.abs(data[i] - c[0]) <= 2 &&
        Math.abs(data[i + 1] - c[1]) <= 2 &&
        Math.abs(data[i + 2] - c[2]) <= 2;
      const result = { total: data.length / 4, sea: 0, land: 0, lines: 0 };
      for (let i = 0; i < data.length; i += 4) {
        if (near(i, sea)) result.sea++;
        else if (near(i, land)) result.land++;
        else if (data[i] < sea[0] - 8 && data[i + 1] < sea[1] - 8) result.lines++;
      }
      return result;
    },
    [SEA_RGB, LAND_RGB],
  );
  expect(counts.total).toBeGreaterThan(100_000);
  expect(counts.sea / counts.total, 'share of sea pixels').toBeGreaterThan(0.2);
  expect(counts.land / counts.total, 'share of land pixels').toBeGreaterThan(0.1);
  expect(counts.lines, 'coast and graticule pixels').toBeGreaterThan(500);

  await page.screenshot({ path: testInfo.outputPath('app.png') });

  // The log the no-traffic check relies on did see the page, its Api calls and the map's worker.
  expect(network.seen).toContain(`${hotspot.origin}/`);
  expect(network.seen.some((url) => url.startsWith(`${hotspot.origin}/api/call/getProject`))).toBe(true);
  expect(network.seen.some((url) => /maplibre-gl-worker-[\w-]+\.mjs/.test(url))).toBe(true);
});

test('the side panel tabs work from the keyboard', async ({ page, hotspot }) => {
  await openApp(page, hotspot.url);
  const dataTab = page.getByRole('tab', { name: 'Data' });
  await expect(dataTab).toHaveAttribute('aria-selected', 'true');
  await dataTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Filter' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Filter' })).toBeFocused();
  await expect(page.locator('#tabpanel-data')).toBeHidden();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.locator('#tabpanel-data')).toBeVisible();
});

test('verifies a small file: the SHA-256 shown is the file’s', async ({ page, hotspot }) => {
  const path = join(hotspot.dir, 'extract.csv');
  const content = 'reference,date,x,y\nA1,01/02/2026,530000,180000\n';
  await writeFile(path, content);
  await openApp(page, hotspot.url);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Verify file checksum…' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('sha256')).toHaveText(createHash('sha256').update(content).digest('hex'));
  await expect(page.locator('.checksum-result')).toContainText(`${Buffer.byteLength(content)} bytes`);
});

test('a long job shows its progress in the status bar and Cancel cancels it', async ({
  page,
  hotspot,
}, testInfo) => {
  // A sparse 3 GiB file: instant to make, and long enough to hash (~2 s or more) to cancel by hand.
  const path = join(hotspot.dir, 'big.bin');
  const handle = await open(path, 'w');
  await handle.truncate(3 * 1024 ** 3);
  await handle.close();
  await openApp(page, hotspot.url);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Verify file checksum…' }).click();
  await (await chooser).setFiles(path);

  const row = page.locator('li.task', { hasText: 'SHA-256 of big.bin' });
  await expect(row).toBeVisible({ timeout: 120_000 });
  const bar = row.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);

  // While it runs, the engine refuses to close the project: the refusal is an error toast. Both
  // clicks come first, while the job is surely still running; the checks follow.
  await page.getByRole('button', { name: 'Close project' }).click();
  const toast = page.locator('.toast-error');
  await expect(toast).toBeVisible();
  await row.getByRole('button', { name: 'Cancel SHA-256 of big.bin' }).click();
  await expect(toast).toHaveAttribute('role', 'alert');
  await expect(toast).toContainText('Jobs are still running');
  // The Api's error code is for code, never shown to the analyst.
  await expect(toast).not.toContainText('Error code');
  await expect(row).toHaveAttribute('data-state', 'cancelled');
  await expect(row).toContainText('Cancelled');
  await page.screenshot({ path: testInfo.outputPath('job-cancelled.png') });
  await expect(page.getByTestId('sha256')).toHaveCount(0);
  // The refusal stays until dismissed; the cancellation the analyst asked for adds no error.
  await expect(toast).toHaveCount(1);
  await toast.getByRole('button', { name: 'Dismiss notification' }).click();
  await expect(page.locator('.toast')).toHaveCount(0);
  await expect(page.getByTestId('project-name')).toHaveText('e2e');
});

test('the project dialog shows the engine’s refusal to open a missing file', async ({
  page,
  hotspot,
}, testInfo) => {
  await openApp(page, hotspot.url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open project' });
  await dialog.getByRole('textbox').fill(join(hotspot.dir, 'missing.hsw'));
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText('missing.hsw');
  await page.screenshot({ path: testInfo.outputPath('open-project-refused.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('project-name')).toHaveText('e2e');
});

test('the Api refuses calls without the token (401) and from a foreign origin (403)', async ({
  request,
  hotspot,
}) => {
  const call = `${hotspot.origin}/api/call/getProject`;
  const json = { 'Content-Type': 'application/json' };
  const noToken = await request.post(call, { headers: json, data: {} });
  expect(noToken.status()).toBe(401);
  const wrongToken = await request.post(call, {
    headers: { ...json, Authorization: 'Bearer wrong' },
    data: {},
  });
  expect(wrongToken.status()).toBe(401);
  const foreign = await request.post(call, {
    headers: { ...json, Authorization: `Bearer ${hotspot.token}`, Origin: 'http://attacker.example' },
    data: {},
  });
  expect(foreign.status()).toBe(403);
  const good = await request.post(call, {
    headers: { ...json, Authorization: `Bearer ${hotspot.token}` },
    data: {},
  });
  expect(good.status()).toBe(200);
  expect((await good.json()).value.name).toBe('e2e');
});
