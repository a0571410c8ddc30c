import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliRefusal, CliUsageError } from '../../../../electron/cli/command.js';
import { profileCommand } from '../../../../electron/cli/commands/profile.js';
import { createTownProject, type TownProject } from '../engine/profile/town-project.js';

let town: TownProject;
const io = (out: string[]) => ({
  out: (t: string) => out.push(t),
  err: () => {},
  interactive: false,
  debug: false,
});

beforeAll(async () => {
  town = await createTownProject();
  // The CLI opens the project with its own engine, as it would from a shell.
  await town.engine.close();
}, 120_000);
afterAll(() => {
  rmSync(town.dir, { recursive: true, force: true });
});

describe('hotspot profile', () => {
  it('writes slides of hotspot 1 with the marking given on the command line', async () => {
    const out: string[] = [];
    const file = join(town.dir, 'hotspot-1.pptx');
    const code = await profileCommand.run(
      [
        '--project',
        join(town.dir, 'town.hsw'),
        '--subject',
        'hotspot:1',
        '--from',
        '2025-10-01',
        '--to',
        '2025-12-31',
        '--marking',
        'OFFICIAL',
        '--iterations',
        '19',
        '--out',
        file,
        '--json',
      ],
      io(out),
    );
    expect(code).toBe(0);
    const result = JSON.parse(out.join(''));
    expect(result.file).toBe(file);
    // The title follows the categories in scope and names the hotspot's place.
    expect(result.title).toMatch(/^Problem profile: .+ in hotspot 1( \(.+\))?$/);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const first = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(first).toContain('<a:t>OFFICIAL</a:t>');
  });

  it('writes a self-contained HTML profile of a crime type', async () => {
    const file = join(town.dir, 'vehicle.html');
    const code = await profileCommand.run(
      [
        '--project',
        join(town.dir, 'town.hsw'),
        '--subject',
        'category:Vehicle Offences',
        '--from',
        '2025-10-01',
        '--to',
        '2025-12-31',
        '--iterations',
        '19',
        '--out',
        file,
      ],
      io([]),
    );
    expect(code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Vehicle Offences');
    expect(html).not.toMatch(/https?:|<script\b|<link\b/);
  });

  it('refuses a wrong output type (usage) and a missing project (refusal)', async () => {
    await expect(
      profileCommand.run(
        [
          '--project',
          'x.hsw',
          '--subject',
          'hotspot:1',
          '--from',
          '2025-01-01',
          '--to',
          '2025-02-01',
          '--out',
          'x.docx',
        ],
        io([]),
      ),
    ).rejects.toBeInstanceOf(CliUsageError);
    await expect(
      profileCommand.run(
        [
          '--project',
          join(town.dir, 'none.hsw'),
          '--subject',
          'hotspot:1',
          '--from',
          '2025-01-01',
          '--to',
          '2025-02-01',
          '--out',
          join(town.dir, 'x.html'),
        ],
        io([]),
      ),
    ).rejects.toBeInstanceOf(CliRefusal);
    expect(existsSync(join(town.dir, 'x.html'))).toBe(false);
  });
});
