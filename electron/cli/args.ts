/**
 * Argument parsing for subcommands: node:util's parseArgs, with its errors turned into
 * CliUsageError (exit 2) and small checked converters for numeric options.
 *
 *   const { values, positionals } = parseCommandArgs(args, { port: { type: 'string' } });
 *   const port = intOption(values.port, '--port', { min: 0, max: 65535, fallback: 0 });
 *   const cellSizeM = positiveNumber(values.cell, '--cell');
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Extent } from '../../shared/analysis/kde/extent.js';
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

/** A number > 0 (a size, a distance), refused with the option named. */
export function positiveNumber(text: string, name: string): number {
  const v = Number(text);
  if (!(text.trim() !== '' && Number.isFinite(v) && v > 0)) {
    throw new CliUsageError(`${name} must be a number > 0, got '${text}'`);
  }
  return v;
}

/** `minx,miny,maxx,maxy` in projected metres, with min < max on both axes. */
export function extentOption(text: string, name = '--extent'): Extent {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v))) {
    throw new CliUsageError(`${name} must be minx,miny,maxx,maxy, got '${text}'`);
  }
  const [minX, minY, maxX, maxY] = parts as [number, number, number, number];
  if (!(maxX > minX && maxY > minY)) throw new CliUsageError(`${name} needs minx < maxx and miny < maxy`);
  return { minX, minY, maxX, maxY };
}
