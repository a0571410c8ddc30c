import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliRefusal, CliUsageError } from '../../../../../electron/cli/command.js';
import { chainsCommand } from '../../../../../electron/cli/commands/chains.js';
import { createEngine } from '../../../../../electron/engine/engine.js';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';
import { createTownProject, type TownProject } from '../../engine/profile/town-project.js';
import { captureIo, tempDir } from '../cli-harness.js';

/** The sample town of seed 1 (the fixture's), for its ground truth: planted series and hotspots. */
const truth = generateTown({ seed: 1 }).groundTruth;
const dir = tempDir('hotspot-chains-');
let town: TownProject;
let project: string;

interface ChainJson {
  id: number;
  references: string[];
  originReference: string;
  events: number;
  firstDate: string;
  lastDate: string;
  spanDays: number;
  live: boolean;
  flag: 'hotspot-like' | null;
  flagReason: string | null;
}

beforeAll(async () => {
  town = await createTownProject();
  project = join(town.dir, 'town.hsw');
  // The CLI opens the project with its own engine, as it would from a shell.
  await town.engine.close();
}, 120_000);
afterAll(async () => {
  await town.close();
});

async function runJson(extra: string[]) {
  const cap = captureIo();
  const code = await chainsCommand.run(
    [
      '--project',
      project,
      '--dataset',
      'police recorded crime',
      '--category',
      'Burglary',
      '--from',
      truth.period.startDate,
      '--to',
      truth.period.endDate,
      '--json',
      ...extra,
    ],
    cap.io,
  );
  expect(code).toBe(0);
  return JSON.parse(cap.out.join(''));
}

describe('hotspot chains', () => {
  it('takes thresholds from the tightest significant Knox cell and finds each planted series whole, with no hotspot offered as a series', async () => {
    const result = await runJson([]);
    expect(result.thresholds).toEqual({
      distanceM: 200,
      days: 7,
      metric: 'euclidean',
      source: expect.stringMatching(
        /^tightest significant Knox cell: \[0, 200\) m × \[0, 7\) days, ratio [\d.]+, q = /,
      ),
    });
    const chains: ChainJson[] = result.chains;
    expect(chains.length).toBeGreaterThan(0);
    for (const c of chains) {
      expect(c.events).toBeGreaterThanOrEqual(3);
      expect(c.references.length).toBe(c.events);
      expect(c.originReference).toBe(c.references[0]);
      expect((Date.parse(c.lastDate) - Date.parse(c.firstDate)) / 86_400_000).toBe(c.spanDays);
      expect(c.flag === null).toBe(c.flagReason === null);
    }
    // Every planted series comes out whole: all its references in one chain.
    for (const series of truth.series) {
      const refs = series.events.map((e) => e.reference);
      const holding = chains.filter((c) => c.references.some((r) => refs.includes(r)));
      expect(holding.length, series.id).toBe(1);
      expect(
        refs.every((r) => holding[0].references.includes(r)),
        series.id,
      ).toBe(true);
    }
    // No chain offered as a series is really a planted hotspot (most of its events the hotspot's).
    const hotspotRefs = new Set(truth.hotspots.flatMap((h) => h.references));
    for (const c of chains.filter((c) => c.flag === null)) {
      const fromHotspots = c.references.filter((r) => hotspotRefs.has(r)).length;
      expect(fromHotspots * 2, `chain ${c.id}`).toBeLessThanOrEqual(c.events);
    }
    // The series lying away from the planted burglary hotspots are all offered as series.
    const burglaryHotspots = truth.hotspots.filter((h) => h.category === 'Burglary');
    const away = truth.series.filter((s) =>
      s.events.every((e) =>
        burglaryHotspots.every((h) => Math.hypot(e.x - h.centre.x, e.y - h.centre.y) > h.radiusM),
      ),
    );
    expect(away.length).toBeGreaterThan(truth.series.length / 2);
    for (const series of away) {
      const c = chains.find((c) => c.references.includes(series.events[0].reference))!;
      expect(c.flag, series.id).toBeNull();
    }
    expect(result.seriesCount).toBe(chains.filter((c) => c.flag === null).length);
    expect(result.notes.join(' ')).toMatch(/not proof of one offender/);
    expect(result.notes.join(' ')).toMatch(/not offered as linked offending/);
  }, 120_000);

  it('gives risk zones only around the events of the last days up to --to, each for that many days', async () => {
    const result = await runJson(['--distance', '200', '--days', '7', '--no-hotspots']);
    expect(result.thresholds).toEqual({
      distanceM: 200,
      days: 7,
      metric: 'euclidean',
      source: 'set on the command line (--distance, --days)',
    });
    expect(result.asOf).toBe(truth.period.endDate);
    const asOf = Date.parse(truth.period.endDate);
    expect(result.zones.length).toBeGreaterThan(0);
    for (const z of result.zones) {
      const eventMs = Date.parse(z.eventDate);
      expect(eventMs).toBeLessThanOrEqual(asOf);
      expect(asOf - eventMs).toBeLessThan(7 * 86_400_000);
      expect(Date.parse(z.expiresDate) - eventMs).toBe(7 * 86_400_000);
      expect(z.radiusM).toBe(200);
    }
    // A chain is live exactly when its last event is fewer than 7 days before the as-of date.
    for (const c of result.chains as ChainJson[]) {
      expect(c.live, `chain ${c.id}`).toBe(asOf - Date.parse(c.lastDate) < 7 * 86_400_000);
    }
  }, 120_000);

  it('refuses month-only data without --month-override, with a one-line reason naming the option', async () => {
    const monthly = join(dir, 'monthly.hsw');
    const csv = join(dir, 'monthly.csv');
    writeFileSync(
      csv,
      'Month,Easting,Northing\n2024-03,530000,180000\n2024-03,530050,180000\n2024-03,530080,180010\n',
    );
    const engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 1 });
    try {
      await engine.api.createProject({ path: monthly });
      await runImport(engine.context.project().db, {
        filePath: csv,
        dataset: 'Street crime',
        mapping: {
          fields: { date: 'Month', x: 'Easting', y: 'Northing' },
          timeShape: 'month',
          dateFormat: 'iso',
          sourceCrs: 'EPSG:27700',
          excluded: [],
          swapSuspectedCoordinates: false,
          preset: null,
        },
        projectCrs: 'EPSG:27700',
        pii: [],
        nowMs: Date.UTC(2024, 11, 1),
      });
    } finally {
      await engine.close();
    }
    const args = [
      '--project',
      monthly,
      '--dataset',
      'Street crime',
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
    ];
    await expect(
      chainsCommand.run([...args, '--distance', '100', '--days', '7'], captureIo().io),
    ).rejects.toThrow(CliRefusal);
    await expect(
      chainsCommand.run([...args, '--distance', '100', '--days', '7'], captureIo().io),
    ).rejects.toThrow(/month only.*--month-override "reason"/);
    const cap = captureIo();
    const code = await chainsCommand.run(
      [
        ...args,
        '--distance',
        '100',
        '--days',
        '7',
        '--no-hotspots',
        '--month-override',
        'training',
        '--json',
      ],
      cap.io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(cap.out.join(''));
    expect(result.notes.join(' ')).toMatch(/month-only records were placed on a day.*training/);
  }, 60_000);

  it('refuses an unknown dataset and rejects wrong usage', async () => {
    const base = ['--project', project, '--from', '2025-01-01', '--to', '2025-03-31'];
    await expect(chainsCommand.run([...base, '--dataset', 'Robbery'], captureIo().io)).rejects.toThrow(
      /no dataset 'Robbery'; the datasets are: Police recorded crime/,
    );
    await expect(
      chainsCommand.run([...base, '--dataset', 'Police recorded crime', '--distance', '200'], captureIo().io),
    ).rejects.toThrow(CliUsageError);
    await expect(
      chainsCommand.run(
        ['--project', project, '--dataset', 'x', '--from', '2025-02-30', '--to', '2025-03-01'],
        captureIo().io,
      ),
    ).rejects.toThrow(/--from must be a date yyyy-mm-dd/);
  });
});
