/**
 * Where `hotspot knox` gets its events (DESIGN.md §4b): x, y and a date from a CSV file
 * (electron/engine/analysis/event-csv.ts reads it: columns by header name or 1-based number, bad
 * rows counted and the first few reported; papaparse loaded only for a file that needs it), or the point records of a dataset in an existing project
 * (../event-input.ts), dated by their window's midpoint or start; month-only records are refused
 * unless overridden with a reason, which is audited.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { EventColumns } from '../../../shared/model/records.js';
import { type CsvDateFormat, EventCsvError, readEventCsv } from '../../engine/analysis/event-csv.js';
import { CliRefusal } from '../command.js';
import { type EventSource, refusing } from '../event-options.js';

export interface KnoxEventSource extends EventSource<EventColumns> {
  /** Caveats the output must state (e.g. of month-only records run with an override). */
  notes: string[];
}

export async function readCsvEvents(
  path: string,
  columns: { x: string; y: string; date: string; dateFormat: CsvDateFormat },
): Promise<KnoxEventSource> {
  if (!existsSync(path)) throw new CliRefusal(`cannot read ${path}: check the file name`);
  try {
    const csv = await readEventCsv(path, columns);
    return {
      label: basename(path),
      events: csv.events,
      rows: csv.rows,
      rejected: csv.rejected,
      reasons: csv.reasons,
      notes: [],
    };
  } catch (error) {
    if (error instanceof EventCsvError) throw new CliRefusal(`${basename(path)}: ${error.message}`);
    throw error;
  }
}

/** The point records of a dataset (the project modules, and better-sqlite3, loaded only here). */
export async function readProjectDataset(
  path: string,
  dataset: string,
  timeBasis: 'midpoint' | 'start',
  monthOverride: string | boolean | undefined,
): Promise<KnoxEventSource> {
  const [{ datasetLabel, readDatasetRecords }, { appendAudit }, { toEventColumns }] = await Promise.all([
    import('../event-input.js'),
    import('../../engine/project/audit.js'),
    import('../../engine/query/to-event-columns.js'),
  ]);
  return readDatasetRecords(path, dataset, 'knox', (project, columns) => {
    const reason = typeof monthOverride === 'string' ? monthOverride : undefined;
    const { events, caveats } = refusing(() =>
      toEventColumns(columns, { timeBasis, ...(reason ? { monthOverride: { reason } } : {}) }),
    );
    if (reason && caveats.some((c) => c.includes('month-only'))) {
      appendAudit(project.db, 'override-month-precision', { method: 'Knox (CLI)', dataset, reason });
    }
    return {
      label: datasetLabel(path, dataset),
      events,
      rows: columns.count,
      rejected: 0,
      reasons: [],
      notes: caveats,
    };
  });
}
