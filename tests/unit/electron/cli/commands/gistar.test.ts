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
    expect(text).toMatch(/Suggested distance band \d+ m: /);
    expect(text).not.toContain('{');
  });

  it('states the data used, the study-area caveat, why there are no cold spots and how the band was chosen', async () => {
    const csv = eventsCsv();
    const args = (out: string) => [
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
      join(dir, out),
    ];
    const json = captureIo();
    await gistarCommand.run([...args('z3.asc'), '--json'], json.io);
    const summary = JSON.parse(json.out.join(''));
    const cap = captureIo();
    await gistarCommand.run(args('z4.asc'), cap.io);
    const text = cap.out.join('\n');
    // 152 rows read x/y (x3 is rejected); the CSV has no date column given.
    expect(text).toContain('Data: all 152 usable rows, dates not known or filtered');
    expect(text).toContain('categories not filtered');
    expect(text).toContain('are over all 100 cells of the grid, empty ones included');
    // Most cells hold 0–2 events and one holds 60+: an empty 3 × 3 neighbourhood (W = 9, the median
    // of 4 corner, 32 edge and 64 inner cells) has z = −x̄·9 / (S √((100·9 − 81)/99)).
    const zMin = (-summary.meanCount * 9) / (summary.sdCount * Math.sqrt((900 - 81) / 99));
    expect(zMin).toBeGreaterThan(-1.645);
    expect(text).toContain(
      `Cold spots cannot reach 90 % here: the lowest possible z is −${Math.abs(zMin).toFixed(1)}`,
    );
    expect(summary.caveats.some((c: string) => c.startsWith('Cold spots cannot reach 90 %'))).toBe(true);
    // 150 points over 1 km² lie far closer than 150 m apart on average.
    expect(summary.suggestedDistance.annM).toBeLessThan(150);
    expect(text).toMatch(
      /the average nearest-neighbour distance \(\d+ m\) is under 1\.5 cells, so 1\.5 cells \(150 m\) used/,
    );
    const b = summary.bins;
    expect(text).toContain(`Hot spot cells: 99 %: ${b['3']}, 95–99 %: ${b['2']}, 90–95 %: ${b['1']}`);
    expect(text).toContain('Cold spot cells: 99 %: 0, 95–99 %: 0, 90–95 %: 0');
  });

  it('reads a date column, states the dates and keeps only events within --from/--to', async () => {
    const rows = ['x,y,date'];
    for (let i = 0; i < 90; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((i % 3) + 1).padStart(2, '0');
      rows.push(`${530_000 + ((i * 37) % 1000)},${180_000 + ((i * 53) % 1000)},${day}/${month}/2024`);
    }
    const csv = join(dir, 'dated.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const march = rows.slice(1).filter((r) => r.endsWith('/03/2024')).length;
    expect(march).toBe(30);
    const base = [csv, '--x', 'x', '--y', 'y', '--date', 'date', '--cell', '100', '--distance', '150'];
    const extent = ['--extent', '530000,180000,531000,181000'];
    const all = captureIo();
    await gistarCommand.run([...base, ...extent, '--out', join(dir, 'd1.asc')], all.io);
    expect(all.out.join('\n')).toContain('Data: 90 events dated 01/01/2024–28/03/2024, dates not filtered');
    const cap = captureIo();
    await gistarCommand.run(
      [
        ...base,
        ...extent,
        '--from',
        '01/03/2024',
        '--to',
        '31/03/2024',
        '--out',
        join(dir, 'd2.asc'),
        '--json',
      ],
      cap.io,
    );
    const summary = JSON.parse(cap.out.join(''));
    expect(summary.events.used).toBe(march);
    // March's events are days 1–28 (i % 28 covers every value among i ≡ 2 mod 3).
    expect(summary.data).toBe(
      'Data: 30 of 90 events, those dated within 01/03/2024–31/03/2024 (found 01/03/2024–28/03/2024); categories not filtered (hotspot gistar has no category filter: cut the CSV to the crimes wanted first)',
    );
    await expect(
      gistarCommand.run(
        [
          csv,
          '--x',
          'x',
          '--y',
          'y',
          '--cell',
          '100',
          '--distance',
          '150',
          ...extent,
          '--from',
          '01/03/2024',
          '--out',
          join(dir, 'd3.asc'),
        ],
        captureIo().io,
      ),
    ).rejects.toThrow(/--from\/--to need --date/);
    await expect(
      gistarCommand.run(
        [...base, ...extent, '--to', '31/02/2024', '--out', join(dir, 'd4.asc')],
        captureIo().io,
      ),
    ).rejects.toThrow(/--to must be a date dd\/mm\/yyyy/);
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
