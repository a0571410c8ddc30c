/**
 * Where `hotspot kde` gets its events (DESIGN.md §4b): a CSV file read with papaparse, columns by
 * header name or 1-based number (a file whose first row holds numbers in the x and y columns has no
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
  const table = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  if (table.length === 0) throw new CliRefusal(`${basename(path)} is empty`);
  const first = table[0];
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
  const rows = table.slice(hasHeader ? 1 : 0);
  const x: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  const reasons: string[] = [];
  let rejected = 0;
  rows.forEach((row, k) => {
    const line = k + (hasHeader ? 2 : 1);
    const vx = Number(row[xc]);
    const vy = Number(row[yc]);
    const vw = wc === null ? 1 : Number(row[wc]);
    let why: string | null = null;
    if (!isNumber(row[xc]) || !isNumber(row[yc]))
      why = `x/y '${row[xc] ?? ''}', '${row[yc] ?? ''}' are not numbers`;
    else if (wc !== null && !(isNumber(row[wc]) && vw >= 0))
      why = `weight '${row[wc] ?? ''}' is not a number ≥ 0`;
    if (why) {
      rejected++;
      if (reasons.length < MAX_REASONS) reasons.push(`row ${line}: ${why}`);
      return;
    }
    x.push(vx);
    y.push(vy);
    w.push(vw);
  });
  const events: HotspotEvents = { x: Float64Array.from(x), y: Float64Array.from(y) };
  if (wc !== null) events.weight = Float64Array.from(w);
  return { label: basename(path), crs: 'EPSG:27700', events, rows: rows.length, rejected, reasons };
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
