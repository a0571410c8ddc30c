/**
 * XLSX reader (exceljs). The workbook is loaded whole (an XLSX holds at most 1,048,576 rows; large
 * extracts come as CSV), so the file (200 MB), what it unpacks to (1 GB) and each part's packing
 * ratio (zip-directory.ts) are capped. One sheet is chosen by name or 0-based index, row 1 is the
 * header, and row numbers are Excel's own. Cell values become text the validator understands:
 *   number → its shortest round-trip text ("42832", "0.5")
 *   date   → ISO "yyyy-mm-dd", "yyyy-mm-ddTHH:MM:SS", or "HH:MM:SS" for a time-only cell
 *            (exceljs gives dates as UTC instants of the wall-clock time, which is our convention)
 *   formula → its cached result, never evaluated; rich text → its plain text; error → "#N/A" etc.
 */
import type ExcelJS from 'exceljs';
import { cleanHeaders } from './headers.js';
import type { Sniffed } from './sniff.js';
import {
  ImportFileError,
  type OpenedTable,
  type OpenTableOptions,
  READER_LIMITS,
  rowsOf,
  type TableRow,
} from './table.js';
import { readZipDirectory } from './zip-directory.js';

const MAX_XLSX_BYTES = 200 * 1024 * 1024;
/** What exceljs may unpack: an honest 200 MB workbook of sheet XML unpacks to well under this. */
const MAX_XLSX_UNPACKED_BYTES = 1024 * 1024 * 1024;
/** Sheet XML packs 10–30:1, 100:1 at most for a sheet of one repeated value; zeros pack ~1000:1. */
const MAX_XLSX_RATIO = 250;
const EXCEL_TIME_ONLY_DAY = Date.UTC(1899, 11, 30);
const BATCH_ROWS = 2000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function dateCellText(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return '';
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const dayStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (dayStart === EXCEL_TIME_ONLY_DAY || dayStart === EXCEL_TIME_ONLY_DAY + 86_400_000) return time;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return ms === dayStart ? day : `${day}T${time}`;
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((part) => part.text).join('');
    if ('error' in value) return String(value.error);
    if ('formula' in value || 'sharedFormula' in value) {
      return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    }
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  }
  return String(value);
}

/**
 * exceljs unpacks the whole workbook in memory, so its unpacked size is capped, not only the file's:
 * a 200 MB cap on the file alone let a few-MB zip bomb unpack to gigabytes.
 */
async function refuseOversizedWorkbook(path: string, fileName: string): Promise<void> {
  const entries = await readZipDirectory(path);
  if (entries === null) {
    throw new ImportFileError('bad-xlsx', fileName, 'not a readable XLSX workbook (no zip directory)');
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedBytes;
    if (entry.uncompressedBytes > Math.max(entry.compressedBytes, 1) * MAX_XLSX_RATIO + 1024 * 1024) {
      throw new ImportFileError(
        'bad-xlsx',
        fileName,
        `part "${entry.name}" unpacks to over ${MAX_XLSX_RATIO} times its packed size (a zip bomb?): it was not read`,
      );
    }
  }
  if (total > MAX_XLSX_UNPACKED_BYTES) {
    throw new ImportFileError(
      'bad-xlsx',
      fileName,
      `workbook unpacks to ${Number.isFinite(total) ? `${Math.round(total / 2 ** 20).toLocaleString('en-GB')} MB` : 'more than 4 GB'}, over ${MAX_XLSX_UNPACKED_BYTES / 2 ** 20} MB: save the sheet as CSV`,
    );
  }
}

export async function openXlsx(
  path: string,
  fileName: string,
  sniffed: Sniffed,
  options: OpenTableOptions,
): Promise<OpenedTable> {
  if (sniffed.sizeBytes > MAX_XLSX_BYTES) {
    throw new ImportFileError(
      'bad-xlsx',
      fileName,
      `workbook is over ${MAX_XLSX_BYTES / 1024 / 1024} MB: save the sheet as CSV`,
    );
  }
  await refuseOversizedWorkbook(path, fileName);
  // Loaded on first use: exceljs takes ~0.3 s to load, which every worker thread would pay at start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new ImportFileError(
      'bad-xlsx',
      fileName,
      `not a readable XLSX workbook (${(error as Error).message})`,
    );
  }
  const sheets = workbook.worksheets.map((ws) => ws.name);
  if (sheets.length === 0) throw new ImportFileError('no-sheet', fileName, 'the workbook has no sheets');
  const wanted = options.sheet ?? 0;
  const sheet =
    typeof wanted === 'number'
      ? workbook.worksheets[wanted]
      : workbook.worksheets.find((ws) => ws.name === wanted);
  if (!sheet) {
    throw new ImportFileError(
      'no-sheet',
      fileName,
      `no sheet ${typeof wanted === 'number' ? `number ${wanted}` : `"${wanted}"`}; sheets: ${sheets.join(', ')}`,
    );
  }
  const width = sheet.actualColumnCount > 0 ? sheet.columnCount : 0;
  if (width > READER_LIMITS.maxColumns) {
    throw new ImportFileError(
      'too-many-columns',
      fileName,
      `${width} columns; at most ${READER_LIMITS.maxColumns} are read`,
      1,
    );
  }
  const headerRow = sheet.getRow(1);
  const rawHeaders: string[] = [];
  for (let c = 1; c <= width; c++) rawHeaders.push(cellText(headerRow.getCell(c).value).trim());
  if (options.header !== false && rawHeaders.every((h) => h === '')) {
    throw new ImportFileError('no-header', fileName, `sheet "${sheet.name}" has no header in row 1`, 1);
  }
  const headers =
    options.header === false ? rawHeaders.map((_, i) => String(i + 1)) : cleanHeaders(rawHeaders);
  const firstDataRow = options.header === false ? 1 : 2;
  let anyData = false;
  for (let r = firstDataRow; r <= sheet.rowCount && !anyData; r++) anyData = sheet.getRow(r).hasValues;
  if (!anyData)
    throw new ImportFileError('empty', fileName, `sheet "${sheet.name}" has a header row but no data rows`);
  let closed = false;

  async function* batches(): AsyncGenerator<TableRow[]> {
    let batch: TableRow[] = [];
    for (let r = firstDataRow; r <= sheet!.rowCount && !closed; r++) {
      const row = sheet!.getRow(r);
      if (!row.hasValues) continue;
      const cells: string[] = new Array(width);
      for (let c = 1; c <= width; c++) {
        const text = cellText(row.getCell(c).value);
        if (text.length > READER_LIMITS.maxFieldChars) {
          throw new ImportFileError(
            'field-too-long',
            fileName,
            `cell is longer than ${READER_LIMITS.maxFieldChars} characters`,
            r,
            headers[c - 1],
          );
        }
        cells[c - 1] = text;
      }
      batch.push({ rowNumber: r, cells });
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  const shared = batches();
  return {
    headers,
    batches: shared,
    rows: rowsOf(shared),
    info: {
      format: 'xlsx',
      encoding: 'utf-8',
      delimiter: null,
      bom: false,
      sheets,
      sheet: sheet.name,
      sizeBytes: sniffed.sizeBytes,
    },
    close: async () => {
      closed = true;
    },
  };
}
