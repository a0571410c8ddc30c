/**
 * Where `hotspot kde` gets its events (DESIGN.md §4b): a CSV file (a plain comma-separated file read
 * from its bytes straight into shared typed arrays, shared/import/numeric-csv.ts; one with quotes or another
 * delimiter read with papaparse),
 * columns by header name or 1-based number (a file whose first row holds numbers in the x and y columns has no
 * header; rows with unreadable values are counted and the first few reported, never dropped silently),
 * or the point records of a dataset in an existing project (../event-input.ts).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { hotspotEventsOf } from '../../../shared/analysis/hotspots/hotspot-events.js';
import type { HotspotEvents } from '../../../shared/analysis/hotspots/hotspots.js';
import { cellText, plainFirstLine, readNumericColumns } from '../../../shared/import/numeric-csv.js';
import { CliRefusal } from '../command.js';
import type { EventSource } from '../event-options.js';

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
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const plain = plainFirstLine(bytes, bom);
  // papaparse only for the files that need it: a plain file is read without loading it.
  const reader = plain ? plainReader(bytes, plain) : await papaReader(bytes.toString('utf8', bom));
  const first = reader.first;
  const numbered = (spec: string) => (/^\d+$/.test(spec.trim()) ? Number(spec) - 1 : null);
  const nx = numbered(columns.x);
  const ny = numbered(columns.y);
  const hasHeader = !(nx !== null && ny !== null && isNumber(first[nx]) && isNumber(first[ny]));
  const header = hasHeader ? first.map((h) => h.trim()) : [];
  const find = (spec: string, option: string): number => {
    const n = numbered(spec);
    if (n !== null) {
      if (n < 0 || n >= first.length)
        throw new CliRefusal(`${option} ${spec}: the file has ${first.length} columns`);
      return n;
    }
    const k = header.findIndex((h) => h.toLowerCase() === spec.trim().toLowerCase());
    if (!hasHeader || k < 0) {
      throw new CliRefusal(
        hasHeader
          ? `${option} ${spec}: no such column; the columns are ${header.join(', ')}`
          : `${option} ${spec}: the file has no header row, give a column number`,
      );
    }
    return k;
  };
  const xc = find(columns.x, '--x');
  const yc = find(columns.y, '--y');
  const wc = columns.weight !== undefined ? find(columns.weight, '--weight') : null;
  const wanted = wc === null ? [xc, yc] : [xc, yc, wc];
  const table = reader.table(hasHeader, wanted);
  const { events, rejected, reasons } = usableEvents(table, wc !== null, hasHeader ? 2 : 1);
  return { label: basename(path), crs: 'EPSG:27700', events, rows: table.rows, rejected, reasons };
}

/** Numbers of the wanted columns (NaN where unreadable) and the cells of a row, for its reason. */
interface NumberTable {
  rows: number;
  columns: Float64Array[];
  cells(row: number): (string | undefined)[];
}

/** The first non-blank row's cells, and the table of the wanted columns after it (or from it). */
interface CsvReader {
  first: string[];
  table(hasHeader: boolean, wanted: number[]): NumberTable;
}

/** A plain file's numbers read from its bytes (shared/import/numeric-csv.ts). */
function plainReader(bytes: Buffer, head: { cells: string[]; start: number; next: number }): CsvReader {
  return {
    first: head.cells,
    table(hasHeader, wanted) {
      const from = hasHeader ? head.next : head.start;
      const { columns, rows, lineStarts } = readNumericColumns(bytes, from, wanted);
      return { rows, columns, cells: (row) => wanted.map((c) => cellText(bytes, lineStarts[row], c)) };
    },
  };
}

/** Any other file through papaparse, loaded only here. */
async function papaReader(text: string): Promise<CsvReader> {
  const Papa = (await import('papaparse')).default;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  return { first: parsed[0] ?? [], table: (hasHeader, wanted) => papaTable(parsed, hasHeader, wanted) };
}

/** The rows papaparse read, as numbers of the wanted columns (NaN where not a number). */
function papaTable(parsed: string[][], hasHeader: boolean, wanted: number[]): NumberTable {
  const table = parsed.slice(hasHeader ? 1 : 0);
  const columns = wanted.map(() => new Float64Array(new SharedArrayBuffer(table.length * 8)));
  for (const [row, cells] of table.entries()) {
    for (const [k, c] of wanted.entries())
      columns[k][row] = isNumber(cells[c]) ? Number(cells[c]) : Number.NaN;
  }
  return { rows: table.length, columns, cells: (row) => wanted.map((c) => table[row][c]) };
}

/**
 * The rows whose x and y are numbers and whose weight (if any) is a number ≥ 0, moved up in place
 * (the columns stay in their shared buffers), and the first few reasons for the others.
 */
function usableEvents(table: NumberTable, weighted: boolean, firstRowNumber: number) {
  const [x, y, w] = table.columns;
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
    const [cx, cy, cw] = table.cells(k);
    const why = !readable
      ? `x/y '${cx ?? ''}', '${cy ?? ''}' are not numbers`
      : `weight '${cw ?? ''}' is not a number ≥ 0`;
    reasons.push(`row ${k + firstRowNumber}: ${why}`);
  }
  const events: HotspotEvents = { x: x.subarray(0, used), y: y.subarray(0, used) };
  if (weighted) events.weight = w.subarray(0, used);
  return { events, rejected: table.rows - used, reasons };
}

function isNumber(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '' && Number.isFinite(Number(text));
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
