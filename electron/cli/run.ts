/**
 * The `hotspot` front door: global flags, help, dispatch to one subcommand, and the mapping from
 * errors to exit codes (electron/cli/command.ts): 0 ok, 1 refused (one line saying what to fix),
 * 2 wrong usage. A stack trace is printed only with --debug.
 */
import { ApiError } from '../../shared/api/errors.js';
import { type CliCommand, type CliIo, CliRefusal, CliUsageError, type LazyCliCommand } from './command.js';

export interface CliProgram {
  name: string;
  version: string;
  description: string;
  commands: readonly (CliCommand | LazyCliCommand)[];
}

export function programHelp(program: CliProgram): string {
  const width = Math.max(...program.commands.map((c) => c.name.length));
  const rows = program.commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `${program.name} ${program.version}: ${program.description}`,
    '',
    `Usage: ${program.name} <command> [options]`,
    '',
    'Commands:',
    ...rows,
    '',
    'Options:',
    "  --help, -h     show this help, or a command's help after its name",
    '  --version, -V  print the version',
    '  --debug        print stack traces of errors',
    '',
    'Exit codes: 0 success, 1 input or data refused, 2 wrong usage.',
  ].join('\n');
}

/** Runs one command line (without `node` and the script) and returns the exit code. */
export async function runCli(
  program: CliProgram,
  argv: string[],
  baseIo: Omit<CliIo, 'debug'>,
): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const io: CliIo = { ...baseIo, debug };
  const first = args[0];

  if (first === undefined) {
    io.err(programHelp(program));
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? args[1] : undefined;
    const entry = topic === undefined ? undefined : program.commands.find((c) => c.name === topic);
    io.out(entry === undefined ? programHelp(program) : (await loaded(entry)).usage);
    return 0;
  }
  if (first === '--version' || first === '-V') {
    io.out(program.version);
    return 0;
  }
  const entry = program.commands.find((c) => c.name === first);
  if (entry === undefined) {
    io.err(`${program.name}: unknown command '${first}' (run '${program.name} --help' for the list)`);
    return 2;
  }
  const command = await loaded(entry);
  const rest = args.slice(1);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const where = `${program.name} ${command.name}`;
    if (error instanceof CliUsageError) {
      io.err(`${where}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`${where}: ${oneLine(message)}`);
    if (debug && error instanceof Error && error.stack) io.err(error.stack);
    else if (!(error instanceof CliRefusal || error instanceof ApiError)) {
      io.err('(run again with --debug for the stack trace)');
    }
    return 1;
  }
}

/** The command itself: a table line's module is imported here, when its command is used. */
async function loaded(entry: CliCommand | LazyCliCommand): Promise<CliCommand> {
  return 'load' in entry ? entry.load() : entry;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
