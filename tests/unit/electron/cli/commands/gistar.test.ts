import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../../../../../electron/cli/command.js';
import { gistarCommand } from '../../../../../electron/cli/commands/gistar.js';
import { readEsriAsciiGrid } from '../../../../../shared/analysis/grid-io/esri-ascii.js';
import { createRandom } from '../../../../../shared/util/random.js';
import { bruteForceGiStar } from '../../../shared/analysis/gistar/brute-force.js';
import { captureIo, tempDir } from '../cli-harness.js';

const dir = tempDir('hotspot-gistar-');

/** 150 events over a 1 km square, 60 of them in the cell [600, 700) × [200, 300), 3 outside it. */
function eventsCsv(): string {
  const rng = createRandom(4);
  const rows: string[] = ['ref,easting,northing'];
  for (let i = 0; i < 150; i++) {
    const busy = i < 60;
    const x = busy ? 600 + rng.next() * 99 : rng.next() * 999;
    const y = busy ? 200 + rng.next() * 99 : rng.next() * 999;
    rows.push(`${i},${(x + 530_000).toFixed(2)},${(y + 180_000).toFixed(2)}`);
  }
  rows.push('x1,529000,180500', 'x2,530500,182000', 'x3,bad,1');
  const path = join(dir, 'events.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

describe('hotspot gistar', () => {
  it('writes the Gi* z-scores of the counts per cell as an ESRI grid equal to a brute-force Gi*, north row first', async () => {
    const csv = eventsCsv();
    const out = join(dir, 'z.asc');
    const cap = captureIo();
    const code = await gistarCommand.run(
      [
        csv,
        '--x',
        'easting',
        '--y',
        'northing',
        '--cell',
        '100',
        '--distance',
        '150',
        '--extent',
        '530000,180000,531000,181000',
        '--out',
        out,
        '--json',
      ],
      cap.io,
    );
    expect(code).toBe(0);
    const summary = JSON.parse(cap.out.join(''));
    expect(summary.events).toEqual({ used: 150, outside: 2 });
    expect(summary.rejected).toBe(1);
    const grid = readEsriAsciiGrid(readFileSync(out, 'utf8'));
    expect([grid.width, grid.height, grid.originX, grid.originY, grid.cellSizeM]).toEqual([
      10, 10, 530000, 180000, 100,
    ]);
    // Counts rebuilt here from the CSV: row 0 north.
    const counts = new Float64Array(100);
    for (const line of readFileSync(csv, 'utf8').trim().split('\n').slice(1)) {
      const [, xs, ys] = line.split(',');
      const x = Number(xs) - 530_000;
      const y = Number(ys) - 180_000;
      if (!(x >= 0 && x <= 1000 && y >= 0 && y <= 1000)) continue;
      counts[Math.min(9, Math.floor(x / 100)) + (9 - Math.min(9, Math.floor(y / 100))) * 10] += 1;
    }
    const want = bruteForceGiStar(
      { width: 10, height: 10, originX: 530000, originY: 180000, cellSizeM: 100, values: counts },
      150,
    );
    want.forEach((z, i) => {
      expect(Math.abs(grid.values[i] - z)).toBeLessThan(1e-6);
    });
    // The busy cell (col 6, row from south 2 → row 7) is the top hot spot.
    expect(grid.values[6 + 7 * 10]).toBe(Math.max(...grid.values));
    expect(grid.values[6 + 7 * 10]).toBeGreaterThan(3);
    // z ≈ 3.5 → p ≈ 0.0005, BH over 100 cells → q ≈ 0.05: hot at 95 %.
    expect(summary.bins['2'] + summary.bins['3']).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'z.prj'), 'utf8')).toContain('British_National_Grid');
  });

  it('prints a plain-English summary with the suggested distance band', async () => {
    const cap = captureIo();
    await gistarCommand.run(
      [
        eventsCsv(),
        '--x',
        '2',
        '--y',
        '3',
        '--cell',
        '100',
        '--distance',
        '150',
        '--extent',
        '530000,180000,531000,181000',
        '--out',
        join(dir, 'z2.asc'),
      ],
      cap.io,
    );
    const text = cap.out.join('\n');
    expect(text).toContain('150 events in the grid, 2 outside the extent left out');
    expect(text).toMatch(/Suggested distance band: \d+ m/);
    expect(text).not.toContain('{');
  });

  it('needs --cell, --distance, --extent and --out (usage error)', async () => {
    await expect(
      gistarCommand.run(
        [eventsCsv(), '--x', 'easting', '--y', 'northing', '--cell', '100', '--out', 'z.asc'],
        captureIo().io,
      ),
    ).rejects.toThrow(CliUsageError);
    await expect(
      gistarCommand.run(
        [
          eventsCsv(),
          '--x',
          'easting',
          '--y',
          'northing',
          '--cell',
          '100',
          '--distance=-3',
          '--extent',
          '0,0,1,1',
          '--out',
          'z.asc',
        ],
        captureIo().io,
      ),
    ).rejects.toThrow(/--distance must be a number > 0/);
  });
});
