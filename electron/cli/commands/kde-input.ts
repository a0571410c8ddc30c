/**
 * Where `hotspot kde` gets its events (DESIGN.md §4b): a CSV file (a plain comma-separated file read
 * from its bytes straight into shared typed arrays, shared/import/numeric-csv.ts; one with quotes or another
 * delimiter read with papaparse),
 * columns by header name or 1-based number (a file whose first row holds numbers in the x and y columns has no
 * header; rows with unreadable values are counted and the first few reported, never dropped silently),
 * or the point records of a dataset in an existing project (../event-input.ts). Given a worker pool,
 * a large plain file's lines are cut into one range per thread and read on the threads at once
 * (kde-job.ts kdeCsvColumns), the file's bytes on a SharedArrayBuffer.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { hotspotEventsOf } from '../../../shared/analysis/hotspots/hotspot-events.js';
import type { HotspotEvents } from '../../../shared/analysis/hotspots/hotspots.js';
import {
  cellText,
  type NumericColumns,
  plainFirstLine,
  readNumericColumns,
} from '../../../shared/import/numeric-csv.js';
import type { WorkerPool } from '../../engine/jobs/worker-pool.js';
import { CliRefusal } from '../command.js';
import type { EventSource } from '../event-options.js';

export interface KdeEventSource extends EventSource<HotspotEvents> {
  /** CRS of the events' x/y, for the hotspots' lon/lat. */
  crs: string;
}

const MAX_REASONS = 5;
/** Smallest plain file read on the pool's threads rather than on this one. */
const POOL_READ_BYTES = 4 << 20;

/**
 * x, y (and weight) from a CSV; rows with an unreadable value are counted and reported, not used.
 * Given a pool, a large plain file is read on its threads.
 */
export async function readCsvEvents(
  path: string,
  columns: { x: string; y: string; weight?: string | undefined },
  pool?: WorkerPool,
): Promise<KdeEventSource> {
  let bytes: Buffer;
  try {
    bytes = readShared(path);
  } catch {
    throw new CliRefusal(`cannot read ${path}: check the file name`);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const plain = plainFirstLine(bytes, bom);
  // papaparse only for the files that need it: a plain file is read without loading it.
  const reader = plain ? plainReader(bytes, plain, pool) : await papaReader(bytes.toString('utf8', bom));
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
  const table = await reader.table(hasHeader, wanted);
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
  table(hasHeader: boolean, wanted: number[]): Promise<NumberTable>;
}

/**
 * The file's bytes on a SharedArrayBuffer, in one read: the promise version reads a large file in
 * 512 KiB pieces, each a trip through the thread pool, and nothing else waits on this thread.
 */
function readShared(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let read = 0;
    for (let n = 1; read < size && n > 0; read += n) n = readSync(fd, bytes, read, size - read, null);
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A plain file's numbers read from its bytes (shared/import/numeric-csv.ts). */
function plainReader(
  bytes: Buffer,
  head: { cells: string[]; start: number; next: number },
  pool: WorkerPool | undefined,
): CsvReader {
  return {
    first: head.cells,
    async table(hasHeader, wanted) {
      const from = hasHeader ? head.next : head.start;
      const { columns, rows, lineStarts } =
        pool && bytes.length - from >= POOL_READ_BYTES
          ? await readOnPool(pool, bytes, from, wanted)
          : readNumericColumns(bytes, from, wanted);
      return { rows, columns, cells: (row) => wanted.map((c) => cellText(bytes, lineStarts[row], c)) };
    },
  };
}

/**
 * The lines from byte `from` cut at line starts into one range per thread, each read on the pool
 * (kdeCsvColumns), and put back together in order: the same columns as readNumericColumns of the
 * whole, since it reads each line on its own.
 */
async function readOnPool(
  pool: WorkerPool,
  bytes: Buffer,
  from: number,
  wanted: number[],
): Promise<NumericColumns> {
  const shared = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const cuts = [from];
  for (let k = 1; k < pool.size; k++) {
    const lf = shared.indexOf(
      0x0a,
      Math.max(cuts[k - 1], from + Math.floor(((bytes.length - from) * k) / pool.size)),
    );
    if (lf < 0 || lf + 1 >= bytes.length) break;
    cuts.push(lf + 1);
  }
  cuts.push(bytes.length);
  const parts = await Promise.all(
    cuts.slice(1).map((end, k) => pool.run('kdeCsvColumns', { bytes: shared, start: cuts[k], end, wanted })),
  );
  let rows = 0;
  for (const part of parts) rows += part.rows;
  const columns = wanted.map(() => new Float64Array(new SharedArrayBuffer(rows * 8)));
  const lineStarts = new Float64Array(rows);
  let at = 0;
  for (const part of parts) {
    for (const [k, column] of columns.entries()) column.set(part.columns[k], at);
    lineStarts.set(part.lineStarts.subarray(0, part.rows), at);
    at += part.rows;
  }
  return { columns, rows, lineStarts };
}

/** Any other file through papaparse, loaded only here. */
async function papaReader(text: string): Promise<CsvReader> {
  const Papa = (await import('papaparse')).default;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  return {
    first: parsed[0] ?? [],
    table: async (hasHeader, wanted) => papaTable(parsed, hasHeader, wanted),
  };
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
