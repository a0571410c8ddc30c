/**
 * The one entry point for reading a partner extract: sniffs the file (sniff.ts), then hands it to
 * the CSV, XLSX or GeoJSON reader. Every failure to read is an ImportFileError naming the file and,
 * where known, the row and column; per-row data problems are the validator's (shared/import).
 *
 *   const table = await openTable('/data/street.csv');
 *   for await (const batch of table.batches) for (const row of batch) validate(row.cells, row.rowNumber);
 */
import { basename } from 'node:path';
import { openCsv } from './csv-reader.js';
import { openGeojson } from './geojson-reader.js';
import { readHead, sniff } from './sniff.js';
import type { OpenedTable, OpenTableOptions, TablePreview, TableRow } from './table.js';
import { openXlsx } from './xlsx-reader.js';

export async function openTable(path: string, options: OpenTableOptions = {}): Promise<OpenedTable> {
  const fileName = basename(path);
  const { head, sizeBytes } = await readHead(path, fileName);
  const sniffed = sniff(head, sizeBytes, fileName, options.format);
  if (sniffed.format === 'xlsx') return openXlsx(path, fileName, sniffed, options);
  if (sniffed.format === 'geojson') return openGeojson(path, fileName, sniffed);
  return openCsv(path, fileName, sniffed, options);
}

/** The header and the first `n` data rows (default 20), for the wizard's preview and detection. */
export async function previewTable(
  path: string,
  n = 20,
  options: OpenTableOptions = {},
): Promise<TablePreview> {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
  const table = await openTable(path, options);
  const rows: TableRow[] = [];
  try {
    for await (const batch of table.batches) {
      for (const row of batch) {
        if (rows.length >= n) break;
        rows.push(row);
      }
      if (rows.length >= n) break;
    }
  } finally {
    await table.close();
  }
  return { headers: table.headers, rows, info: table.info };
}
