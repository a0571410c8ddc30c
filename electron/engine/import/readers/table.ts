/**
 * What every reader returns: a header row and a single-pass stream of data rows as text cells,
 * whatever the file format. Cells are always strings (dates from spreadsheets become ISO text or an
 * Excel-serial marker that shared/import/dates.ts understands), so one validator serves all formats.
 *
 * Row numbers are as the analyst sees them in a spreadsheet: the header is row 1, the first data
 * row is row 2 (a headerless CSV starts at row 1). A quoted CSV field with embedded newlines is one
 * row. GeoJSON features are numbered as if they were rows: feature 0 is row 2.
 */

import { ApiError } from '../../../../shared/api/errors.js';

export type TableFormat = 'csv' | 'xlsx' | 'geojson';
export type CsvDelimiter = ',' | ';' | '\t' | '|';
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface OpenTableOptions {
  /** XLSX: the sheet's name or 0-based index (default: the first sheet). */
  sheet?: string | number;
  /** CSV: force an encoding instead of detecting it (BOM → UTF-8/16; else invalid UTF-8 anywhere → windows-1252). */
  encoding?: TextEncoding;
  /** CSV: force a delimiter instead of detecting it from the header line. */
  delimiter?: CsvDelimiter;
  /** CSV: false when the file has no header row; headers are then "1", "2", … Default true. */
  header?: boolean;
  /** Force the format instead of detecting it from the content (and then the extension). */
  format?: TableFormat;
}

export interface TableRow {
  rowNumber: number;
  cells: string[];
}

export interface TableInfo {
  format: TableFormat;
  /** Text encoding the file was decoded with ('utf-8' for XLSX and GeoJSON). */
  encoding: TextEncoding;
  /** CSV delimiter used, null for other formats. */
  delimiter: CsvDelimiter | null;
  /** True when the file began with a UTF-8 byte-order mark (stripped). */
  bom: boolean;
  /** XLSX: every sheet's name, in order, and the one being read. */
  sheets?: string[];
  sheet?: string;
  /** GeoJSON: the `crs` member's name when one was present (then x/y columns hold its coordinates). */
  geojsonCrs?: string;
  /** File size in bytes. */
  sizeBytes: number;
}

export interface OpenedTable {
  headers: string[];
  /** Data rows one by one. Single pass: read either `rows` or `batches`, once. */
  rows: AsyncIterable<TableRow>;
  /** The same rows in arrays of up to a few thousand: much less per-row overhead for bulk import. */
  batches: AsyncIterable<TableRow[]>;
  info: TableInfo;
  /** Stops reading and releases the file (safe to call twice, and after the end). */
  close(): Promise<void>;
}

/** The row-by-row view of a batch stream; it reads the same single pass, so use one or the other. */
export async function* rowsOf(batches: AsyncIterable<TableRow[]>): AsyncGenerator<TableRow> {
  for await (const batch of batches) yield* batch;
}

export interface TablePreview {
  headers: string[];
  rows: TableRow[];
  info: TableInfo;
}

/** Limits that keep a hostile or broken file from freezing or exhausting the app. */
export const READER_LIMITS = {
  maxFieldChars: 1_000_000,
  maxColumns: 10_000,
  /** An unfinished (still quoted) CSV row is not allowed to grow beyond this. */
  maxPendingRowChars: 16_000_000,
  /** A GeoJSON file is parsed whole, so it is capped. */
  maxGeojsonBytes: 512 * 1024 * 1024,
} as const;

export type ImportFileErrorCode =
  | 'empty'
  | 'binary'
  | 'no-header'
  | 'encoding'
  | 'unterminated-quote'
  | 'field-too-long'
  | 'too-many-columns'
  | 'not-found'
  | 'bad-xlsx'
  | 'bad-geojson'
  | 'no-sheet';

/**
 * A file that cannot be read at all. The message names the file and, when known, the row and
 * column, e.g. `thefts.csv, row 12, column "Notes": field is longer than 1,000,000 characters`.
 */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly code: ImportFileErrorCode,
    readonly file: string,
    readonly detail: string,
    readonly row: number | null = null,
    readonly column: string | null = null,
  ) {
    super(
      [file, row === null ? null : `row ${row}`, column === null ? null : `column "${column}"`]
        .filter((part) => part !== null)
        .join(', ') + `: ${detail}`,
    );
  }
}

/**
 * What to throw for an error met while an import reads its file: a reader's ImportFileError becomes
 * the import's refusal (ApiError 'refused', same message), anything else stays as it is. One rule
 * wherever an import reads, in whichever thread.
 */
export function asImportRefusal(error: unknown): unknown {
  return error instanceof ImportFileError ? new ApiError('refused', error.message) : error;
}
