import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliRefusal, CliUsageError } from '../../../../../electron/cli/command.js';
import { tacticalCommand } from '../../../../../electron/cli/commands/tactical.js';
import { pointInPolygon } from '../../../../../shared/analysis/hotspots/polygon.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';
import { createTownProject, type TownProject } from '../../engine/profile/town-project.js';
import { captureIo } from '../cli-harness.js';

const truth = generateTown({ seed: 1 }).groundTruth;
let town: TownProject;
let project: string;
const period = ['--from', truth.period.lastQuarterStartDate, '--to', truth.period.endDate];

beforeAll(async () => {
  town = await createTownProject();
  project = join(town.dir, 'town.hsw');
  await town.engine.close(); // the CLI opens the project with its own engine, as from a shell
}, 120_000);
afterAll(async () => {
  await town.close();
});

interface HotspotJson {
  status: string;
  centroidX: number;
  centroidY: number;
  events: number;
  previousEvents: number | null;
  jaccard: number;
  polygon: number[][][];
}

describe('hotspot tactical', () => {
  it('--json prints the hotspots with status, centroid and both periods’ events, and the tables', async () => {
    const cap = captureIo();
    const code = await tacticalCommand.run(
      ['--project', project, '--dataset', 'police recorded crime', ...period, '--json'],
      cap.io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(cap.out.join('')) as {
      marking: string;
      hotspots: HotspotJson[];
      total: { current: number; previous: number };
      byCategory: { label: string; current: number }[];
    };
    expect(json.marking).toBe('OFFICIAL');
    expect(json.hotspots.length).toBeGreaterThan(0);
    const centre = truth.hotspots.find((h) => h.id === 'H1')!.centre;
    const atCentre = json.hotspots.filter((h) => pointInPolygon(h.polygon, centre.x, centre.y));
    expect(atCentre.map((h) => h.status)).toEqual(['persisting']);
    for (const h of json.hotspots) {
      expect(['new', 'persisting', 'grown', 'shrunk', 'gone']).toContain(h.status);
      expect(typeof h.centroidX).toBe('number');
      expect(Number.isInteger(h.events)).toBe(true);
    }
    // The category rows add up to the total (every crime has a category).
    expect(json.byCategory.reduce((s, r) => s + r.current, 0)).toBe(json.total.current);
  }, 300_000);

  it('writes marked HTML with the hotspot classes and the change rule', async () => {
    const out = join(town.dir, 'tactical.html');
    const cap = captureIo();
    const code = await tacticalCommand.run(
      [
        '--project',
        project,
        '--dataset',
        'Police recorded crime',
        ...period,
        '--out',
        out,
        '--marking',
        'OFFICIAL-SENSITIVE',
      ],
      cap.io,
    );
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.match(/OFFICIAL-SENSITIVE/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('Persisting');
    expect(html).toContain('The Jaccard index is the shared area divided by the combined area');
    expect(html).toMatch(/\d{2}\/\d{2}\/\d{4} to \d{2}\/\d{2}\/\d{4}/);
    expect(html).not.toMatch(/<script/i);
  }, 300_000);

  it('refuses an unknown dataset by naming the ones there are, and a missing period as usage', async () => {
    await expect(
      tacticalCommand.run(['--project', project, '--dataset', 'Nope', ...period, '--json'], captureIo().io),
    ).rejects.toThrow(CliRefusal);
    await expect(
      tacticalCommand.run(
        ['--project', project, '--dataset', 'Police recorded crime', '--json'],
        captureIo().io,
      ),
    ).rejects.toThrow(CliUsageError);
  }, 120_000);
});
