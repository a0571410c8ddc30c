/**
 * The input options of `hotspot kde`, `knox` and `gistar` and the rule that the input is either one
 * FILE.csv or `--project P.hsw --dataset NAME` (DESIGN.md §4b), and guard rails turned into refusals.
 * Apart from event-input.ts, which reads projects (better-sqlite3), so a command reading a CSV does
 * not load the project modules.
 */
import { resolve } from 'node:path';
import { ApiError } from '../../shared/api/errors.js';
import { CsvColumnError } from '../../shared/import/csv-columns.js';
import { CliRefusal, CliUsageError } from './command.js';

/** The parseCommandArgs options both commands take for their input. */
export const eventInputOptions = {
  x: { type: 'string' },
  y: { type: 'string' },
  project: { type: 'string' },
  dataset: { type: 'string' },
} as const;

/** Events read for an analysis, with an account of every input row (none is dropped silently). */
export interface EventSource<E> {
  label: string;
  events: E;
  /** Rows read (a CSV's header excluded). */
  rows: number;
  rejected: number;
  /** The first few "row N: why" lines of the rejected rows. */
  reasons: string[];
}

export type EventInput = { csv: string } | { project: string; dataset: string };

/** One FILE.csv, or --project with --dataset (the project path resolved); wrong usage is exit 2. */
export function chooseEventInput(
  values: { project?: string | undefined; dataset?: string | undefined },
  positionals: string[],
): EventInput {
  if (values.project !== undefined) {
    if (positionals.length > 0) throw new CliUsageError('give either FILE.csv or --project, not both');
    if (values.dataset === undefined) throw new CliUsageError('--project needs --dataset NAME');
    return { project: resolve(values.project), dataset: values.dataset };
  }
  if (positionals.length !== 1)
    throw new CliUsageError('give one FILE.csv (or --project P.hsw --dataset NAME)');
  return { csv: positionals[0] };
}

/** Guard rails (RangeError), refused CSV columns and engine refusals become a one-line CLI refusal (exit 1). */
export function refusing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError || error instanceof CsvColumnError || error instanceof ApiError)
      throw new CliRefusal(error.message);
    throw error;
  }
}
