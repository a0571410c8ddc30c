/**
 * Where `hotspot kde` gets its events (DESIGN.md §4b): a CSV file (a plain comma-separated file cut
 * line by line straight into typed arrays; one with quotes or another delimiter read with papaparse),
 * columns by header name or 1-based number (a file whose first row holds numbers in the x and y columns has no
 * header; rows with unreadable values are counted and the first few reported, never dropped silently),
 * or the point records of a dataset in an existing project (../event-input.ts).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { hotspotEventsOf } from '../../../shared/analysis/hotspots/hotspot-events.js';
import type { HotspotEvents } from '../../../shared/analysis/hotspots/hotspots.js';
import { CliRefusal } from '../command.js';
import { datasetLabel, type EventSource, readDatasetRecords } from '../event-input.js';

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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliRefusal(`cannot read ${path}: check the file name`);
  }
  text = text.replace(/^\uFEFF/, '');
  const lines = plainCsvLines(text);
  const first = lines
    ? (lines[0] ?? '').split(',')
    : (Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: 1 }).data[0] ?? []);
  if (first.length === 0 || (lines && lines.length === 0)) throw new CliRefusal(`${basename(path)} is empty`);
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
  const rows = lines
    ? new PlainCells(lines.slice(hasHeader ? 1 : 0), wanted)
    : new TableCells(
        Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data.slice(hasHeader ? 1 : 0),
        wanted,
      );
  const count = rows.count;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const w = wc === null ? null : new Float64Array(count);
  const reasons: string[] = [];
  let used = 0;
  for (let k = 0; k < count; k++) {
    const [cx, cy, cw] = rows.cells(k);
    const vw = cw === undefined ? 1 : Number(cw);
    let why: string | null = null;
    if (!isNumber(cx) || !isNumber(cy)) why = `x/y '${cx ?? ''}', '${cy ?? ''}' are not numbers`;
    else if (w !== null && !(isNumber(cw) && vw >= 0)) why = `weight '${cw ?? ''}' is not a number ≥ 0`;
    if (why) {
      if (reasons.length < MAX_REASONS) reasons.push(`row ${k + (hasHeader ? 2 : 1)}: ${why}`);
      continue;
    }
    x[used] = Number(cx);
    y[used] = Number(cy);
    if (w) w[used] = vw;
    used++;
  }
  const events: HotspotEvents = { x: x.slice(0, used), y: y.slice(0, used) };
  if (w) events.weight = w.slice(0, used);
  return { label: basename(path), crs: 'EPSG:27700', events, rows: count, rejected: count - used, reasons };
}

/**
 * The non-blank lines of a comma-separated file without quotes, or null when the file has quotes
 * or is not comma-separated (papaparse reads those, with its delimiter guess and RFC 4180 quoting).
 */
function plainCsvLines(text: string): string[] | null {
  if (text.includes('"') || /\r(?!\n)/.test(text)) return null;
  const newline = text.indexOf('\n');
  const head = newline < 0 ? text : text.slice(0, newline);
  if (!head.includes(',') || /[\t;|]/.test(head)) return null;
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** The wanted cells of each line of a plain CSV, cut out of the line without splitting all of it. */
class PlainCells {
  readonly count: number;
  private readonly last: number;
  constructor(
    private readonly lines: string[],
    private readonly wanted: number[],
  ) {
    this.count = lines.length;
    this.last = Math.max(...wanted);
  }
  cells(k: number): (string | undefined)[] {
    const line = this.lines[k];
    const out: (string | undefined)[] = new Array(this.wanted.length);
    let column = 0;
    let start = 0;
    while (column <= this.last) {
      const comma = line.indexOf(',', start);
      const end = comma < 0 ? line.length : comma;
      const at = this.wanted.indexOf(column);
      if (at >= 0) {
        const cell = line.slice(start, end);
        for (let i = at; i < this.wanted.length; i++) if (this.wanted[i] === column) out[i] = cell;
      }
      if (comma < 0) break;
      start = comma + 1;
      column++;
    }
    return out;
  }
}

/** The wanted cells of rows papaparse read. */
class TableCells {
  readonly count: number;
  constructor(
    private readonly rows: string[][],
    private readonly wanted: number[],
  ) {
    this.count = rows.length;
  }
  cells(k: number): (string | undefined)[] {
    return this.wanted.map((c) => this.rows[k][c]);
  }
}

function isNumber(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '' && Number.isFinite(Number(text));
}

export function readProjectDataset(path: string, dataset: string): KdeEventSource {
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
