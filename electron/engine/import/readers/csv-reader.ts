/**
 * Streaming CSV reader: the file is read in 64 KB chunks, decoded (UTF-8, Windows-1252 or UTF-16),
 * and cut into records by papaparse's core Parser (RFC 4180 quoting: quoted fields may hold the
 * delimiter, doubled quotes and newlines). Only the unfinished last record of a chunk is carried
 * over, so memory stays flat however large the file is.
 *
 * Delimiter: comma, semicolon, tab or pipe, whichever occurs most often (outside quotes) in the
 * header line; ties go in that order. Line ends: LF or CRLF (a trailing CR is dropped), or old
 * Mac CR. Blank lines are not records, but they count in row numbers, as in a spreadsheet.
 *
 * Refusals (ImportFileError naming file, row and column): a field over 1,000,000 characters, a row
 * over 10,000 columns, a quoted field left open at the end of the file, a malformed quote, no
 * header row (the first row is all empty, or only numbers: use header: false).
 */

import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { FILE_CHUNK_BYTES, fileChunks } from './file-chunks.js';
import { cleanHeaders, isBlankRow, looksLikeData, numberedHeaders } from './headers.js';
import { lineAtOffset, type Sniffed, scanText } from './sniff.js';
import {
  type CsvDelimiter,
  ImportFileError,
  type OpenedTable,
  type OpenTableOptions,
  READER_LIMITS,
  rowsOf,
  type TableRow,
  type TextEncoding,
} from './table.js';

const DELIMITERS: CsvDelimiter[] = [',', ';', '\t', '|'];

/**
 * Bytes read, decoded and parsed at a time. Small on purpose: every row of a piece is alive until
 * the piece has been validated, and what is alive at a scavenge is copied. A million police.uk rows
 * read and validated measured 8.5 s of CPU (GC ~40 %) with 1 MB pieces, ~4.5 s with 64 KB.
 */
export const CSV_CHUNK_BYTES = 64 * 1024;

interface PapaResult {
  data: string[][];
  errors: { code: string; row: number; index: number }[];
  meta: { cursor: number };
}
interface PapaParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult;
}
const PapaParserCtor = (Papa as unknown as { Parser: new (config: object) => PapaParser }).Parser;

/** The delimiter that occurs most often outside quotes in the first line. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = [0, 0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) {
      const k = DELIMITERS.indexOf(c as CsvDelimiter);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if (counts[k]! > counts[best]!) best = k;
  return DELIMITERS[best]!;
}

function makeDecoder(encoding: TextEncoding): { write(chunk: Buffer): string; end(): string } {
  if (encoding === 'utf-8') {
    // Buffer's UTF-8 decoding (StringDecoder) rather than TextDecoder: for ASCII text it makes
    // one-byte strings, which splitting, hashing and binding to SQLite all handle faster (parsing a
    // million police.uk rows measured 2.7 s from TextDecoder's strings, 1.8 s from these). A chunk
    // that is all ASCII, with no character left half-read before it, is copied byte for byte
    // (latin1), faster still. Malformed bytes become U+FFFD either way; the byte-order mark is dropped.
    const decoder = new StringDecoder('utf8');
    let midCharacter = false;
    let started = false;
    const dropBom = (text: string) => {
      if (started || text.length === 0) return text;
      started = true;
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    };
    return {
      write: (chunk) => {
        if (!midCharacter && isAscii(chunk)) return dropBom(chunk.toString('latin1'));
        midCharacter = endsMidCharacter(chunk);
        return dropBom(decoder.write(chunk));
      },
      end: () => dropBom(decoder.end()),
    };
  }
  const decoder = iconv.getDecoder(
    encoding === 'windows-1252' ? 'win1252' : encoding === 'utf-16le' ? 'utf16le' : 'utf16be',
  );
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

/** True when UTF-8 `bytes` end inside a multi-byte character (its lead byte wants more bytes). */
export function endsMidCharacter(bytes: Uint8Array): boolean {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back;
  }
  return false;
}

function fmt(n: number): string {
  return n.toLocaleString('en-GB');
}

export async function openCsv(
  path: string,
  fileName: string,
  sniffed: Sniffed,
  options: OpenTableOptions,
): Promise<OpenedTable> {
  let encoding: TextEncoding;
  if (options.encoding) encoding = options.encoding;
  else if (sniffed.bom) encoding = sniffed.bom;
  else {
    const scan = await scanText(path);
    if (scan.nulAt >= 0) {
      const line = await lineAtOffset(path, scan.nulAt);
      throw new ImportFileError(
        'binary',
        fileName,
        `contains a NUL byte (byte ${scan.nulAt}, line ${line}): not a text file`,
      );
    }
    encoding = scan.utf8 ? 'utf-8' : 'windows-1252';
  }
  const wantHeader = options.header !== false;
  // One reused read buffer (file-chunks.ts) of FILE_CHUNK_BYTES, decoded and parsed CSV_CHUNK_BYTES
  // at a time before the next read: 16× fewer reads than reading each piece on its own.
  const chunks = fileChunks(path, FILE_CHUNK_BYTES);
  let closed = false;
  const close = async () => {
    closed = true;
    await chunks.return(undefined);
  };

  let delimiter: CsvDelimiter | null = options.delimiter ?? null;
  let headers: string[] | null = null;
  let recordIndex = 0; // records seen so far, blank ones included
  // Header or not, the first record is row 1, as a spreadsheet numbers it.
  const firstRowNumber = 1;

  async function* records(): AsyncGenerator<TableRow[]> {
    const decoder = makeDecoder(encoding);
    let parser: PapaParser | null = null;
    let pending = '';
    const make = (text: string) => {
      const newline = text.includes('\n') ? '\n' : text.includes('\r') ? '\r' : '\n';
      delimiter ??= detectDelimiter(text);
      return new PapaParserCtor({ delimiter, newline, quoteChar: '"' });
    };
    const take = (result: PapaResult, input: string, last: boolean): TableRow[] => {
      const rows = result.data;
      for (const error of result.errors) {
        if (error.row >= rows.length && !last) continue; // in the unfinished record: parsed again later
        const rowNumber = firstRowNumber + recordIndex + error.row;
        const column = columnOfIndex(input, result, error);
        throw new ImportFileError(
          'unterminated-quote',
          fileName,
          error.code === 'MissingQuotes'
            ? 'a quoted field is never closed (a missing " before the end of the file)'
            : 'malformed quotes: a quote inside a quoted field must be doubled ("")',
          rowNumber,
          column,
        );
      }
      const out: TableRow[] = [];
      for (let r = 0; r < rows.length; r++) {
        const cells = rows[r]!;
        const rowNumber = firstRowNumber + recordIndex;
        recordIndex++;
        const lastCell = cells[cells.length - 1]!;
        if (lastCell.length > 0 && lastCell.charCodeAt(lastCell.length - 1) === 13) {
          cells[cells.length - 1] = lastCell.slice(0, -1);
        }
        if (isBlankRow(cells)) continue;
        if (cells.length > READER_LIMITS.maxColumns) {
          throw new ImportFileError(
            'too-many-columns',
            fileName,
            `${fmt(cells.length)} columns; at most ${fmt(READER_LIMITS.maxColumns)} are read`,
            rowNumber,
          );
        }
        for (let c = 0; c < cells.length; c++) {
          if (cells[c]!.length > READER_LIMITS.maxFieldChars) {
            throw new ImportFileError(
              'field-too-long',
              fileName,
              `field is longer than ${fmt(READER_LIMITS.maxFieldChars)} characters`,
              rowNumber,
              headers?.[c] ?? String(c + 1),
            );
          }
        }
        if (headers === null) {
          if (wantHeader) {
            if (looksLikeData(cells)) {
              throw new ImportFileError(
                'no-header',
                fileName,
                'the first row holds only numbers, not column names: if the file has no header row, open it without one',
                rowNumber,
              );
            }
            headers = cleanHeaders(cells);
            continue;
          }
          headers = numberedHeaders(cells.length);
        }
        out.push({ rowNumber, cells });
      }
      return out;
    };
    function columnOfIndex(
      input: string,
      result: PapaResult,
      error: { code: string; row: number; index: number },
    ): string {
      let field = 0;
      if (error.code === 'MissingQuotes') {
        // Re-parse up to the opening quote: the last record's field count says which field it opens.
        const probe = new PapaParserCtor({ delimiter, newline: '\n', quoteChar: '"' }).parse(
          input.slice(0, Math.max(0, error.index - 1)),
          0,
          false,
        ).data;
        field = probe.length > 0 ? probe[probe.length - 1]!.length - 1 : 0;
      } else if (error.row < result.data.length) {
        field = Math.max(
          0,
          result.data[error.row]!.findIndex((cell) => cell.includes('"')),
        );
      }
      return headers?.[field] ?? String(field + 1);
    }

    // Length of the unfinished record after the last parse.
    let carried = 0;
    try {
      for await (const block of chunks) {
        for (let at = 0; at < block.length; at += CSV_CHUNK_BYTES) {
          const chunk = block.subarray(at, at + CSV_CHUNK_BYTES);
          if (closed) return;
          const text = decoder.write(chunk);
          if (text.length === 0) continue;
          const input = pending.length > 0 ? pending + text : text;
          // A record longer than a piece (a long quoted field) is parsed again only once as much text
          // again has come, so it costs linear time, not a re-parse of all of it for every piece.
          const waitForMore =
            carried > CSV_CHUNK_BYTES &&
            input.length < 2 * carried &&
            input.length <= READER_LIMITS.maxPendingRowChars;
          if (waitForMore) {
            pending = input;
            continue;
          }
          parser ??= make(input);
          const result = parser.parse(input, 0, true);
          pending = input.slice(result.meta.cursor);
          carried = pending.length;
          if (pending.length > READER_LIMITS.maxPendingRowChars) {
            throw new ImportFileError(
              'field-too-long',
              fileName,
              `a row runs past ${fmt(READER_LIMITS.maxPendingRowChars)} characters without ending (an unclosed quote?)`,
              firstRowNumber + recordIndex + result.data.length,
            );
          }
          const rows = take(result, input, false);
          if (rows.length > 0) yield rows;
        }
      }
      const tail = pending + decoder.end();
      if (tail.length > 0 && !closed) {
        parser ??= make(tail);
        const rows = take(parser.parse(tail, 0, false), tail, true);
        if (rows.length > 0) yield rows;
      }
    } finally {
      await chunks.return(undefined);
    }
  }

  const source = records();
  // Read until the header row is known, keeping the data rows that came with it.
  const early: TableRow[][] = [];
  while (headers === null) {
    const next = await source.next();
    if (next.done) break;
    early.push(next.value);
  }
  if (headers === null) {
    await close();
    throw new ImportFileError('no-header', fileName, 'no header row: the file holds only blank lines');
  }
  // And at least one data row: a header alone is almost always the wrong file or a failed export.
  while (!early.some((batch) => batch.length > 0)) {
    const next = await source.next();
    if (next.done) {
      await close();
      throw new ImportFileError('empty', fileName, 'the file has a header row but no data rows');
    }
    early.push(next.value);
  }
  async function* batches(): AsyncGenerator<TableRow[]> {
    yield* early;
    yield* source;
  }
  const shared = batches();
  return {
    headers,
    batches: shared,
    rows: rowsOf(shared),
    info: {
      format: 'csv',
      encoding,
      delimiter: delimiter ?? ',',
      bom: sniffed.bom !== null,
      sizeBytes: sniffed.sizeBytes,
    },
    close: async () => {
      await close();
      await source.return(undefined);
    },
  };
}
