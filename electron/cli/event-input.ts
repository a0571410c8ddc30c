/**
 * Where `hotspot kde` and `hotspot knox` get their events (DESIGN.md §4b), the part they share: the
 * input options, the rule that the input is either one FILE.csv or `--project P.hsw --dataset NAME`,
 * reading a dataset's records from an existing project, and guard rails turned into refusals.
 * What each command reads from the CSV and makes of the records stays with the command
 * (commands/kde-input.ts: x, y and a weight; commands/knox-input.ts: x, y and a date).
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api/errors.js';
import type { RecordColumns } from '../../shared/model/records.js';
import { type OpenProject, openProject } from '../engine/project/open-project.js';
import { queryRecords } from '../engine/query/query-records.js';
import { CliRefusal } from './command.js';

export {
  chooseEventInput,
  type EventInput,
  type EventSource,
  eventInputOptions,
} from './event-options.js';

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
