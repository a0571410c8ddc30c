import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliRefusal, CliUsageError } from '../../../../../electron/cli/command.js';
import { generateCommand } from '../../../../../electron/cli/commands/generate.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';
import { townFiles } from '../../../../../shared/generate/town-files.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hotspot-generate-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      interactive: false,
      debug: false,
    },
  };
}

describe('hotspot generate', () => {
  it('writes the eleven files of generateTown into a new folder and prints one JSON object with --json', async () => {
    const dir = join(tempDir(), 'town');
    const cap = io();
    const code = await generateCommand.run(['--out', dir, '--seed', '3', '--size', '0.1', '--json'], cap.io);
    expect(code).toBe(0);
    const expected = townFiles(generateTown({ seed: 3, size: 0.1 }));
    expect(readdirSync(dir).sort()).toEqual(expected.map((f) => f.name).sort());
    for (const f of expected) expect(readFileSync(join(dir, f.name), 'utf8') === f.text, f.name).toBe(true);
    const summary = JSON.parse(cap.out.join(''));
    expect(summary.seed).toBe(3);
    expect(summary.size).toBe(0.1);
    expect(summary.datasets.map((d: { file: string }) => d.file)).toContain('hospital_admissions.csv');
    expect(cap.err).toEqual([]);
  });

  it('exits with a usage error without --out or with a bad --size or --seed', async () => {
    await expect(generateCommand.run([], io().io)).rejects.toThrow(CliUsageError);
    await expect(generateCommand.run(['--out', tempDir(), '--size', 'big'], io().io)).rejects.toThrow(
      /--size/,
    );
    await expect(generateCommand.run(['--out', tempDir(), '--size', '0'], io().io)).rejects.toThrow(/--size/);
    await expect(generateCommand.run(['--out', tempDir(), '--seed', '-4'], io().io)).rejects.toThrow(
      CliUsageError,
    );
  });

  it('refuses an --out that is a file and an impossible --end-date', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(generateCommand.run(['--out', file], io().io)).rejects.toThrow(CliRefusal);
    await expect(
      generateCommand.run(['--out', tempDir(), '--end-date', '2025-13-01'], io().io),
    ).rejects.toThrow(/not a real date/);
  });
});
