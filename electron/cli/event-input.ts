/**
 * Where `hotspot kde` and `hotspot knox` get their events (DESIGN.md §4b), the part they share: the
 * input options, the rule that the input is either one FILE.csv or `--project P.hsw --dataset NAME`,
 * reading a dataset's records from an existing project, and guard rails turned into refusals.
 * What each command reads from the CSV and makes of the records stays with the command
 * (commands/kde-input.ts: x, y and a weight; commands/knox-input.ts: x, y and a date).
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ApiError } from '../../shared/api/errors.js';
import type { RecordColumns } from '../../shared/model/records.js';
import { type OpenProject, openProject } from '../engine/project/open-project.js';
import { queryRecords } from '../engine/query/query-records.js';
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

/**
 * Opens the existing project at `path` (a command never creates one), reads the records of its
 * dataset named `dataset`, hands them to `use` with the open project, and closes the project again.
 */
export function readDatasetRecords<T>(
  path: string,
  dataset: string,
  command: string,
  use: (project: OpenProject, columns: RecordColumns) => T,
): T {
  if (!existsSync(path))
    throw new CliRefusal(`no project at ${path}: check the path (${command} never creates one)`);
  const project = refusing(() => openProject(path));
  try {
    const row = project.db.prepare('SELECT id FROM datasets WHERE name = ?').get(dataset) as
      | { id: number }
      | undefined;
    if (!row) throw new CliRefusal(`${basename(path)} has no dataset named '${dataset}'`);
    return use(project, queryRecords(project.db, { datasetIds: [row.id] }));
  } finally {
    project.close();
  }
}

/** "town.hsw › Burglary": how a dataset input is named in the output. */
export function datasetLabel(path: string, dataset: string): string {
  return `${basename(path)} › ${dataset}`;
}

/** Guard rails (RangeError) and engine refusals become a one-line CLI refusal (exit 1). */
export function refusing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError || error instanceof ApiError) throw new CliRefusal(error.message);
    throw error;
  }
}
