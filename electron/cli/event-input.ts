/**
 * Where the CLI's commands get a dataset's records (DESIGN.md §4b): reading them from an existing
 * project. The input options, the FILE.csv-or-project rule and the guard rails turned into refusals
 * are in event-options.ts, which loads no project modules (better-sqlite3).
 * What each command reads from the CSV and makes of the records stays with the command
 * (commands/kde-input.ts: x, y and a weight; commands/knox-input.ts: x, y and a date).
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { RecordColumns } from '../../shared/model/records.js';
import { type OpenProject, openProject } from '../engine/project/open-project.js';
import { queryRecords } from '../engine/query/query-records.js';
import { CliRefusal } from './command.js';
import { refusing } from './event-options.js';

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
