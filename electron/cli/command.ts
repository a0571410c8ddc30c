/**
 * The shape of one `hotspot` subcommand (DESIGN.md §4b). Each lives in electron/cli/commands/<name>.ts
 * and is listed once in electron/cli/main.ts. Results go to `io.out` (stdout), progress and messages
 * to `io.err` (stderr). Exit codes: 0 success, 1 input or data refused (throw CliRefusal with a
 * one-line reason saying what to fix), 2 wrong usage (throw CliUsageError).
 */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal (show a progress bar); false when piped (stay quiet). */
  interactive: boolean;
  debug: boolean;
}

export interface CliCommand {
  name: string;
  /** One line for `hotspot --help`. */
  summary: string;
  /** Full usage text for `hotspot <name> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * A line of the command table (electron/cli/main.ts): the name and summary `hotspot --help` lists,
 * and the command's module, imported only when that command runs, so start-up does not pay for
 * every command's dependencies (issue 15 item 1).
 */
export interface LazyCliCommand {
  name: string;
  summary: string;
  load: () => Promise<CliCommand>;
}

/** Wrong usage: exit 2 with the message and the command's usage. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** The input or the data was refused: exit 1 with this one-line reason. */
export class CliRefusal extends Error {
  override name = 'CliRefusal';
}
