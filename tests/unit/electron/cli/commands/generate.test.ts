import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliRefusal, CliUsageError } from '../../../../../electron/cli/command.js';
import { generateCommand } from '../../../../../electron/cli/commands/generate.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';
import { townFiles } from '../../../../../shared/generate/town-files.js';
import { captureIo, tempDirs } from '../cli-harness.js';

const tempDir = tempDirs('hotspot-generate-');

describe('hotspot generate', () => {
  it('writes the eleven files of generateTown into a new folder and prints one JSON object with --json', async () => {
    const dir = join(tempDir(), 'town');
    const cap = captureIo();
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
    await expect(generateCommand.run([], captureIo().io)).rejects.toThrow(CliUsageError);
    await expect(generateCommand.run(['--out', tempDir(), '--size', 'big'], captureIo().io)).rejects.toThrow(
      /--size/,
    );
    await expect(generateCommand.run(['--out', tempDir(), '--size', '0'], captureIo().io)).rejects.toThrow(
      /--size/,
    );
    await expect(generateCommand.run(['--out', tempDir(), '--seed', '-4'], captureIo().io)).rejects.toThrow(
      CliUsageError,
    );
  });

  it('refuses an --out that is a file and an impossible --end-date', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(generateCommand.run(['--out', file], captureIo().io)).rejects.toThrow(CliRefusal);
    await expect(
      generateCommand.run(['--out', tempDir(), '--end-date', '2025-13-01'], captureIo().io),
    ).rejects.toThrow(/not a real date/);
  });
});
