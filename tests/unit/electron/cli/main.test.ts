import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** Runs the real CLI entry from source; resolves with its exit code and output. */
async function hotspot(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/main.ts', ...args],
      {
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('hotspot (electron/cli/main.ts)', () => {
  it('--help lists every command with its summary and exits 0', async () => {
    const { code, stdout } = await hotspot('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^hotspot \d+\.\d+\.\d+/);
    expect(stdout).toMatch(/^ {2}serve +serve the app to a browser/m);
    expect(stdout).toContain('Exit codes: 0 success, 1 input or data refused, 2 wrong usage.');
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await hotspot('--version');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(packageVersion);
  });

  it('an unknown command exits 2 with a one-line message', async () => {
    const { code, stdout, stderr } = await hotspot('frobnicate');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe("hotspot: unknown command 'frobnicate' (run 'hotspot --help' for the list)");
  });

  it('serve --port with a bad value exits 2 and shows the usage', async () => {
    const { code, stderr } = await hotspot('serve', '--port', '70000');
    expect(code).toBe(2);
    expect(stderr).toContain('hotspot serve: --port must be between 0 and 65535, got 70000');
    expect(stderr).toContain('Usage: hotspot serve');
  });

  it('lists each command with the summary its own module gives, and loads it for `<cmd> --help`', async () => {
    const { stdout } = await hotspot('--help');
    const listed = [...stdout.matchAll(/^ {2}(\S+) {2,}(.+)$/gm)].map(([, name, summary]) => ({
      name,
      summary,
    }));
    const modules = {
      generate: (await import('../../../../electron/cli/commands/generate.js')).generateCommand,
      import: (await import('../../../../electron/cli/commands/import.js')).importCommand,
      kde: (await import('../../../../electron/cli/commands/kde.js')).kdeCommand,
      knox: (await import('../../../../electron/cli/commands/knox.js')).knoxCommand,
      chains: (await import('../../../../electron/cli/commands/chains.js')).chainsCommand,
      serve: (await import('../../../../electron/cli/commands/serve.js')).serveCommand,
    };
    for (const [name, command] of Object.entries(modules)) {
      expect(listed).toContainEqual({ name, summary: command.summary });
    }
    const knoxHelp = await hotspot('knox', '--help');
    expect(knoxHelp.code).toBe(0);
    expect(knoxHelp.stdout).toContain('Usage: hotspot knox FILE.csv');
  });
});
