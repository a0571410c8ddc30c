/**
 * Where `hotspot kde` gets its events (DESIGN.md §4b): a CSV file, its columns found and read into
 * shared typed arrays by shared/import/csv-columns.ts (by header name or 1-based number; a plain file
 * from its bytes, any other through papaparse), with KDE's own rule here: x and y numbers, a weight
 * a number ≥ 0 (rows failing it are counted and the first few reported, never dropped silently),
 * or the point records of a dataset in an existing project (../event-input.ts).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { hotspotEventsOf } from '../../../shared/analysis/hotspots/hotspot-events.js';
import type { HotspotEvents } from '../../../shared/analysis/hotspots/hotspots.js';
import { type ColumnTable, locateColumns, openCsvColumns } from '../../../shared/import/csv-columns.js';
import { CliRefusal } from '../command.js';
import { type EventSource, refusing } from '../event-options.js';

export interface KdeEventSource extends EventSource<HotspotEvents> {
  /** CRS of the events' x/y, for the hotspots' lon/lat. */
  crs: string;
}

const MAX_REASONS = 5;

/** x, y (and weight) from a CSV; rows with an unreadable value are counted and reported, not used. */
export async function readCsvEvents(
  path: string,
  columns: { x: string; y: string; weight?: string | undefined },
): Promise<KdeEventSource> {
  let bytes: Buffer;
  try {
    // In one read: the promise version reads a large file in 512 KiB pieces, each a trip through
    // the thread pool, and nothing else waits on this thread (the pool's threads start on their own).
    bytes = readFileSync(path);
  } catch {
    throw new CliRefusal(`cannot read ${path}: check the file name`);
  }
  const specs = [
    { spec: columns.x, option: '--x' },
    { spec: columns.y, option: '--y' },
    ...(columns.weight !== undefined ? [{ spec: columns.weight, option: '--weight' }] : []),
  ];
  const csv = await openCsvColumns(bytes);
  const { hasHeader, indices } = refusing(() => locateColumns(csv.first, specs));
  const table = csv.table(hasHeader, indices);
  const { events, rejected, reasons } = usableEvents(table, indices, hasHeader ? 2 : 1);
  return { label: basename(path), crs: 'EPSG:27700', events, rows: table.rows, rejected, reasons };
}

/**
 * The rows whose x and y are numbers and whose weight (if any) is a number ≥ 0, moved up in place
 * (the columns stay in their shared buffers), and the first few reasons for the others.
 */
function usableEvents(table: ColumnTable, wanted: number[], firstRowNumber: number) {
  const [x, y, w] = table.columns;
  const weighted = w !== undefined;
  const reasons: string[] = [];
  let used = 0;
  for (let k = 0; k < table.rows; k++) {
    const vx = x[k];
    const vy = y[k];
    const vw = weighted ? w[k] : 1;
    const readable = !Number.isNaN(vx) && !Number.isNaN(vy);
    if (readable && vw >= 0) {
      x[used] = vx;
      y[used] = vy;
      if (weighted) w[used] = vw;
      used++;
      continue;
    }
    if (reasons.length >= MAX_REASONS) continue;
    const [cx, cy, cw] = wanted.map((c) => table.cell(k, c) ?? '');
    const why = !readable ? `x/y '${cx}', '${cy}' are not numbers` : `weight '${cw}' is not a number ≥ 0`;
    reasons.push(`row ${k + firstRowNumber}: ${why}`);
  }
  const events: HotspotEvents = { x: x.subarray(0, used), y: y.subarray(0, used) };
  if (weighted) events.weight = w.subarray(0, used);
  return { events, rejected: table.rows - used, reasons };
}

/** The point records of a dataset (the project modules, and better-sqlite3, loaded only here). */
export async function readProjectDataset(path: string, dataset: string): Promise<KdeEventSource> {
  const { datasetLabel, readDatasetRecords } = await import('../event-input.js');
  return readDatasetRecords(path, dataset, 'kde', (project, columns) => {
    const events = hotspotEventsOf(
      columns,
      columns.weight.some((v) => v !== 1),
    );
    return {
      label: datasetLabel(path, dataset),
      crs: project.crs,
      events,
      rows: columns.count,
      rejected: 0,
      reasons: [],
    };
  });
}
