/**
 * Argument parsing for subcommands: node:util's parseArgs, with its errors turned into
 * CliUsageError (exit 2) and small checked converters for numeric options.
 *
 *   const { values, positionals } = parseCommandArgs(args, { port: { type: 'string' } });
 *   const port = intOption(values.port, '--port', { min: 0, max: 65535, fallback: 0 });
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliUsageError } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

/** A whole-number option in [min, max], or `fallback` when absent. */
export function intOption(
  value: string | boolean | undefined,
  name: string,
  range: { min: number; max: number; fallback: number },
): number {
  if (value === undefined) return range.fallback;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw new CliUsageError(`${name} must be a whole number, got '${String(value)}'`);
  }
  const n = Number(value);
  if (n < range.min || n > range.max) {
    throw new CliUsageError(`${name} must be between ${range.min} and ${range.max}, got ${n}`);
  }
  return n;
}
