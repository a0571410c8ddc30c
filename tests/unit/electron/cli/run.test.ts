import { describe, expect, it } from 'vitest';
import { type CliCommand, CliRefusal, CliUsageError } from '../../../../electron/cli/command.js';
import { programHelp, runCli } from '../../../../electron/cli/run.js';
import { ApiError } from '../../../../shared/api/errors.js';

/** A command whose run() does what the test says, recording its arguments. */
function command(name: string, behaviour: (args: string[]) => Promise<number>): CliCommand {
  return { name, summary: `the ${name} command`, usage: `Usage: hotspot ${name} [--x]`, run: behaviour };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), interactive: false },
  };
}

const program = (...commands: CliCommand[]) => ({
  name: 'hotspot',
  version: '1.2.3',
  description: 'test',
  commands,
});

describe('runCli', () => {
  it('passes the arguments after the command name to it and returns its exit code', async () => {
    const seen: string[][] = [];
    const { io } = capture();
    const code = await runCli(
      program(
        command('kde', async (args) => {
          seen.push(args);
          return 0;
        }),
      ),
      ['kde', '--a', 'b'],
      io,
    );
    expect(code).toBe(0);
    expect(seen).toEqual([['--a', 'b']]);
  });

  it('prints a command’s usage for `<cmd> --help` and `help <cmd>` without running it', async () => {
    let ran = false;
    const kde = command('kde', async () => {
      ran = true;
      return 0;
    });
    for (const argv of [
      ['kde', '--help'],
      ['kde', '-h'],
      ['help', 'kde'],
    ]) {
      const { io, out } = capture();
      expect(await runCli(program(kde), argv, io)).toBe(0);
      expect(out).toEqual(['Usage: hotspot kde [--x]']);
    }
    expect(ran).toBe(false);
  });

  it('exits 2 with the help on stderr when no command is given', async () => {
    const { io, err } = capture();
    expect(await runCli(program(command('kde', async () => 0)), [], io)).toBe(2);
    expect(err[0]).toContain('Commands:');
  });

  it('maps CliUsageError to exit 2 with the message and the usage', async () => {
    const { io, err } = capture();
    const failing = command('kde', async () => {
      throw new CliUsageError('--bandwidth-m is required');
    });
    expect(await runCli(program(failing), ['kde'], io)).toBe(2);
    expect(err).toEqual(['hotspot kde: --bandwidth-m is required\n\nUsage: hotspot kde [--x]']);
  });

  it('maps CliRefusal and ApiError to exit 1 with one line and no stack', async () => {
    for (const error of [
      new CliRefusal('file has no x column'),
      new ApiError('refused', 'project is newer\nupdate the app'),
    ]) {
      const { io, err } = capture();
      const failing = command('import', async () => {
        throw error;
      });
      expect(await runCli(program(failing), ['import'], io)).toBe(1);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^hotspot import: [^\n]+$/);
    }
  });

  it('prints the stack of an unexpected error only with --debug', async () => {
    const failing = command('kde', async () => {
      throw new TypeError('boom');
    });
    const plain = capture();
    expect(await runCli(program(failing), ['kde'], plain.io)).toBe(1);
    expect(plain.err).toEqual(['hotspot kde: boom', '(run again with --debug for the stack trace)']);
    const debug = capture();
    expect(await runCli(program(failing), ['--debug', 'kde'], debug.io)).toBe(1);
    expect(debug.err[1]).toMatch(/^TypeError: boom\n\s+at /);
  });

  it('gives commands io.debug when --debug appears anywhere', async () => {
    let debug: boolean | undefined;
    const probe: CliCommand = {
      ...command('kde', async () => 0),
      run: async (_args, io) => {
        debug = io.debug;
        return 0;
      },
    };
    await runCli(program(probe), ['kde', '--debug'], capture().io);
    expect(debug).toBe(true);
  });

  it('programHelp aligns the command summaries', () => {
    const help = programHelp(
      program(
        command('kde', async () => 0),
        command('profile', async () => 0),
      ),
    );
    expect(help).toContain('  kde      the kde command\n  profile  the profile command');
  });
});
