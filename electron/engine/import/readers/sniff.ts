/**
 * What kind of file is this, before any parsing: format from the first bytes (and the extension),
 * text encoding for CSV, and the refusals that protect the app (empty, binary, UTF-16 without a
 * byte-order mark, an archive or workbook wearing a .csv name).
 *
 * Encoding rule: a UTF-8 BOM → UTF-8; a UTF-16 BOM → UTF-16; otherwise the whole file is checked
 * for valid UTF-8 (Node's native isUtf8, chunk by chunk, about 1 GB/s) and read as Windows-1252
 * (what Excel on a UK PC saves as "CSV") when it is not. A file mixing both encodings is therefore
 * read as Windows-1252: its UTF-8 parts show as "Ã©" rather than failing the import.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileChunks } from './file-chunks.js';
import { ImportFileError, type TableFormat } from './table.js';

export const SNIFF_BYTES = 8192;

export interface Sniffed {
  format: TableFormat;
  sizeBytes: number;
  head: Buffer;
  /** For CSV: BOM found, and the encoding it implies (null: check the content). */
  bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null;
}

export async function readHead(path: string, fileName: string): Promise<{ head: Buffer; sizeBytes: number }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new ImportFileError(
      'not-found',
      fileName,
      `cannot open the file (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    return { head, sizeBytes: size };
  } finally {
    await handle.close();
  }
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) or Office file: save it as .xlsx or CSV' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
];

/** Decides the format and refuses files that are not tables. `forced` overrides the extension. */
export function sniff(head: Buffer, sizeBytes: number, fileName: string, forced?: TableFormat): Sniffed {
  if (sizeBytes === 0) throw new ImportFileError('empty', fileName, 'the file is empty');
  let bom: Sniffed['bom'] = null;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) bom = 'utf-8';
  else if (startsWith(head, [0xff, 0xfe])) bom = 'utf-16le';
  else if (startsWith(head, [0xfe, 0xff])) bom = 'utf-16be';
  const bomLength = bom === 'utf-8' ? 3 : bom ? 2 : 0;
  if (sizeBytes <= bomLength)
    throw new ImportFileError('empty', fileName, 'the file is empty (only a byte-order mark)');
  const ext = extname(fileName).toLowerCase();
  const isZip = startsWith(head, ZIP);
  if (isZip) {
    const names = head.toString('latin1');
    const workbook = names.includes('[Content_Types].xml') || names.includes('xl/');
    if (forced === 'xlsx' || (ext === '.xlsx' && forced === undefined))
      return { format: 'xlsx', sizeBytes, head, bom };
    throw new ImportFileError(
      'binary',
      fileName,
      workbook
        ? 'this is an Excel workbook (.xlsx) with another name: rename it .xlsx or choose it as XLSX'
        : 'this is a ZIP archive, not a table: unzip it first (a zipped Shapefile is a boundary layer)',
    );
  }
  if (forced === 'xlsx' || (ext === '.xlsx' && forced === undefined)) {
    throw new ImportFileError(
      'bad-xlsx',
      fileName,
      'not an XLSX workbook (an .xlsx file is a ZIP archive; this is not)',
    );
  }
  for (const magic of MAGIC) {
    if (startsWith(head, magic.bytes))
      throw new ImportFileError('binary', fileName, `this is ${magic.what}, not a table`);
  }
  if (bom === null) {
    const nul = head.indexOf(0);
    if (nul >= 0) {
      const evenNuls = countNuls(head, 0);
      const oddNuls = countNuls(head, 1);
      const utf16 = Math.max(evenNuls, oddNuls) > head.length / 4;
      throw new ImportFileError(
        utf16 ? 'encoding' : 'binary',
        fileName,
        utf16
          ? 'this looks like UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'
          : `contains NUL bytes (at byte ${nul}): this is a binary file, not a text table`,
      );
    }
  }
  let format: TableFormat = forced ?? 'csv';
  if (forced === undefined && (ext === '.geojson' || ext === '.json')) format = 'geojson';
  return { format, sizeBytes, head, bom };
}

function countNuls(buf: Buffer, parity: 0 | 1): number {
  let n = 0;
  for (let i = parity; i < buf.length; i += 2) if (buf[i] === 0) n++;
  return n;
}

/** Length of the prefix of `buf` that ends on a whole UTF-8 sequence (the rest waits for the next chunk). */
function completePrefix(buf: Buffer): number {
  let i = buf.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (buf[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return buf.length;
  const lead = buf[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i < need ? i : buf.length;
}

/**
 * Scans a whole file: is it valid UTF-8, and where is its first NUL byte (−1 if none)?
 * Stops at the first NUL, since that refuses the file anyway.
 */
export async function scanText(path: string): Promise<{ utf8: boolean; nulAt: number }> {
  let utf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0;
  for await (const chunk of fileChunks(path)) {
    const nul = chunk.indexOf(0);
    if (nul >= 0) return { utf8, nulAt: offset + nul };
    if (utf8) {
      const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completePrefix(joined);
      if (!isUtf8(joined.subarray(0, cut))) utf8 = false;
      carry = Buffer.from(joined.subarray(cut));
    }
    offset += chunk.length;
  }
  if (carry.length > 0) utf8 = false;
  return { utf8, nulAt: -1 };
}

/** 1-based line number of a byte offset (counts LF bytes before it). */
export async function lineAtOffset(path: string, target: number): Promise<number> {
  let line = 1;
  let offset = 0;
  for await (const chunk of fileChunks(path)) {
    const end = Math.min(chunk.length, target - offset);
    for (let i = 0; i < end; i++) if (chunk[i] === 10) line++;
    offset += chunk.length;
    if (offset >= target) break;
  }
  return line;
}
