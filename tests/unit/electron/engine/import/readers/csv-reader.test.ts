import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { endsMidCharacter } from '../../../../../../electron/engine/import/readers/csv-reader.js';
import { openTable, previewTable } from '../../../../../../electron/engine/import/readers/open-table.js';
import {
  ImportFileError,
  type OpenTableOptions,
  type TableRow,
} from '../../../../../../electron/engine/import/readers/table.js';

const dir = mkdtempSync(join(tmpdir(), 'hotspot-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function file(content: string | Buffer, name = `f${counter++}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, options: OpenTableOptions = {}) {
  const table = await openTable(path, options);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { headers: table.headers, rows, info: table.info };
}

async function fileError(path: string, options: OpenTableOptions = {}): Promise<ImportFileError> {
  try {
    await readAll(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error('expected an ImportFileError');
}

describe('openTable — CSV encodings', () => {
  it('reads UTF-8 without a BOM', async () => {
    const t = await readAll(file('Name,Place\nCafé,Leeds\n'));
    expect(t.headers).toEqual(['Name', 'Place']);
    expect(t.rows).toEqual([{ rowNumber: 2, cells: ['Café', 'Leeds'] }]);
    expect(t.info).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', bom: false });
  });

  it('strips a UTF-8 BOM from the first header', async () => {
    const t = await readAll(
      file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Crime ID,Month\nx,2017-04\n')])),
    );
    expect(t.headers[0]).toBe('Crime ID');
    expect(t.info.bom).toBe(true);
  });

  it('detects Windows-1252 from invalid UTF-8 and decodes £ and é', async () => {
    const t = await readAll(file(iconv.encode('Item,Cost\nCafé,£5\n', 'win1252')));
    expect(t.info.encoding).toBe('windows-1252');
    expect(t.rows[0]!.cells).toEqual(['Café', '£5']);
  });

  it('reads UTF-16 LE with a BOM', async () => {
    const t = await readAll(
      file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A\tB\r\n1\t2\r\n', 'utf16le')])),
    );
    expect(t.info).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(t.rows[0]!.cells).toEqual(['1', '2']);
  });

  it('keeps a multi-byte character that straddles a 1 MB chunk boundary', async () => {
    // "A,B,C\n" is 6 bytes; the third field's "é" (2 bytes in UTF-8) starts 1 byte before 1 MB.
    const first = 'x'.repeat(600_000);
    const second = 'y'.repeat((1 << 20) - 1 - 6 - first.length - 2);
    const t = await readAll(file(`A,B,C\n${first},${second},é€😀\n`));
    expect(t.rows[0]!.cells[2]).toBe('é€😀');
  });

  it('keeps characters that straddle the 64 KB pieces inside one 1 MB read', async () => {
    // Rows of 1,000 bytes, then a padded row, put "é" (2 bytes) across 64 KB and "😀" (4 bytes)
    // across 128 KB: piece boundaries the file is no longer read at.
    const lines = ['A,B'];
    let bytes = 4; // "A,B\n"
    const rows: string[] = [];
    for (const [boundary, char] of [
      [1 << 16, 'é'],
      [1 << 17, '😀'],
    ] as const) {
      // Filler rows of 1,000 bytes, then a row whose second field starts its character 1 byte early.
      while (bytes + 1_000 < boundary - 1_000) {
        const cell = 'f'.repeat(997);
        lines.push(`1,${cell}`);
        bytes += 1_000;
      }
      const pad = 'p'.repeat(boundary - 1 - bytes - 2);
      const value = `${pad}${char}z`;
      lines.push(`2,${value}`);
      rows.push(value);
      bytes += 2 + Buffer.byteLength(value) + 1;
    }
    const content = `${lines.join('\n')}\n`;
    const buffer = Buffer.from(content);
    expect(buffer.indexOf(Buffer.from('é'))).toBe((1 << 16) - 1);
    expect(buffer.indexOf(Buffer.from('😀'))).toBe((1 << 17) - 1);
    const t = await readAll(file(buffer));
    expect(t.rows.filter((row) => row.cells[0] === '2').map((row) => row.cells[1])).toEqual(rows);
  });
});

describe('openTable — CSV structure', () => {
  it.each([
    [';', 'a;b;c\n1;2;3\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
    [',', 'a,b,c\n1,2,3\n'],
  ])('detects the delimiter %j from the header line', async (delimiter, text) => {
    const t = await readAll(file(text));
    expect(t.info.delimiter).toBe(delimiter);
    expect(t.rows[0]!.cells).toEqual(['1', '2', '3']);
  });

  it('ignores delimiters inside quotes when detecting', async () => {
    const t = await readAll(file('"a;b;c",d\n1,2\n'));
    expect(t.info.delimiter).toBe(',');
    expect(t.headers).toEqual(['a;b;c', 'd']);
  });

  it('honours a forced delimiter', async () => {
    const t = await readAll(file('a,b;c\n1,2;3\n'), { delimiter: ';' });
    expect(t.headers).toEqual(['a,b', 'c']);
  });

  it('reads quoted fields with embedded CRLF newlines, doubled quotes and delimiters as one row each', async () => {
    const t = await readAll(file('Ref,Notes\r\n1,"line one\r\nline two, ""quoted"""\r\n2,plain\r\n'));
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: ['1', 'line one\r\nline two, "quoted"'] },
      { rowNumber: 3, cells: ['2', 'plain'] },
    ]);
  });

  it('drops the CR of CRLF line ends and reads old Mac CR-only files', async () => {
    expect((await readAll(file('a,b\r\n1,2\r\n'))).rows[0]!.cells).toEqual(['1', '2']);
    expect((await readAll(file('a,b\r1,2\r3,4'))).rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('skips blank lines but counts them in row numbers, as a spreadsheet shows them', async () => {
    const t = await readAll(file('a,b\n1,2\n\n3,4\n'));
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('reads a headerless file with headers "1", "2", … from row 1', async () => {
    const t = await readAll(file('365535.5,563965.2,01/01/2014\n354282.5,565699.3,02/01/2014\n'), {
      header: false,
    });
    expect(t.headers).toEqual(['1', '2', '3']);
    expect(t.rows[0]).toEqual({ rowNumber: 1, cells: ['365535.5', '563965.2', '01/01/2014'] });
  });

  it('makes empty and repeated headers unique', async () => {
    const t = await readAll(file('Date,,Date, Date \n1,2,3,4\n'));
    expect(t.headers).toEqual(['Date', 'Column 2', 'Date (2)', 'Date (3)']);
  });

  it('streams a file of many chunks with quoted newlines crossing chunk boundaries, losing no row', async () => {
    const lines = ['Ref,Notes,Value'];
    for (let i = 0; i < 40_000; i++) lines.push(`${i},"note ${i}\nsecond line, with comma",${i * 2}`);
    const t = await readAll(file(`${lines.join('\n')}\n`));
    expect(t.rows.length).toBe(40_000);
    t.rows.forEach((row, i) => {
      expect(row.cells).toEqual([String(i), `note ${i}\nsecond line, with comma`, String(i * 2)]);
      expect(row.rowNumber).toBe(i + 2);
    });
  });

  it('reads a quoted field many chunks long (newlines, commas, doubled quotes) and the rows around it', async () => {
    // 400,000 characters: over six 64 KB read chunks, so the record is carried over several times.
    const piece = 'line, with "quotes"\r\nand more\n';
    const long = piece.repeat(Math.ceil(400_000 / piece.length));
    const quoted = `"${long.replaceAll('"', '""')}"`;
    const t = await readAll(file(`Ref,Notes,Value\n1,short,2\n3,${quoted},4\n5,after,6\n`));
    expect(t.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4]);
    expect(t.rows[0]!.cells).toEqual(['1', 'short', '2']);
    expect(t.rows[1]!.cells[0]).toBe('3');
    expect(t.rows[1]!.cells[1]).toBe(long);
    expect(t.rows[1]!.cells[2]).toBe('4');
    expect(t.rows[2]!.cells).toEqual(['5', 'after', '6']);
  });

  it('decodes multi-byte characters split across read chunks, in ASCII and non-ASCII chunks alike', async () => {
    // A BOM and 100-byte rows up to one byte before the first read chunk's end (1 MiB), so the
    // 2-byte 'é' straddles it; a 4-byte emoji; then over a chunk of ASCII rows (the byte-copy path).
    const head = '\ufeffRef,Street\n'; // 14 bytes in UTF-8
    const row100 = (ref: string, c: string) => `${ref},${c.repeat(100 - ref.length - 2)}\n`;
    const fillerRows = Math.floor(((1 << 20) - 1 - 14 - 2) / 100);
    const pad = (1 << 20) - 1 - 14 - 2 - fillerRows * 100;
    const content =
      head +
      row100('f', 'a').repeat(fillerRows) +
      `1,${'x'.repeat(pad)}é\n2,🚲 lane\n` +
      row100('y', 'y').repeat(11_000) +
      '4,Église Road\n';
    expect(Buffer.byteLength(content.slice(0, content.indexOf('é')))).toBe((1 << 20) - 1);
    const t = await readAll(file(content));
    expect(t.info.bom).toBe(true);
    expect(t.headers).toEqual(['Ref', 'Street']);
    expect(t.rows).toHaveLength(fillerRows + 11_003);
    const street = (ref: string) => t.rows.find((r) => r.cells[0] === ref)!.cells[1];
    expect(street('1')).toBe(`${'x'.repeat(pad)}é`);
    expect(street('2')).toBe('🚲 lane');
    expect(street('4')).toBe('Église Road');
    expect(t.rows.every((r) => r.cells[1]!.length > 0 && !r.cells[1]!.includes('\ufffd'))).toBe(true);
  });

  it('keeps a broken character where it was when the next chunk is plain ASCII (UTF-8 forced)', async () => {
    // The first chunk ends with a lone lead byte (0xC3) that the next, all-ASCII chunk cannot finish.
    const head = 'Ref,Street\n';
    const fillerRows = Math.floor(((1 << 20) - 1 - head.length - 2) / 100);
    const pad = (1 << 20) - 1 - head.length - 2 - fillerRows * 100;
    const start = `${head}${`f,${'a'.repeat(97)}\n`.repeat(fillerRows)}1,${'a'.repeat(pad)}`;
    const bytes = Buffer.concat([
      Buffer.from(start),
      Buffer.from([0xc3]),
      Buffer.from(`b\n2,${'c'.repeat(2000)}\n`),
    ]);
    expect(bytes.indexOf(0xc3)).toBe((1 << 20) - 1);
    const t = await readAll(file(bytes), { encoding: 'utf-8' });
    expect(t.rows.at(-2)!.cells[1]!.slice(-2)).toBe('\ufffdb');
    expect(t.rows.at(-1)!.cells).toEqual(['2', 'c'.repeat(2000)]);
  });

  it('previewTable returns the first n rows and the info', async () => {
    const p = await previewTable(file(`a\n${Array.from({ length: 50 }, (_, i) => i).join('\n')}\n`), 5);
    expect(p.rows.map((r) => r.cells[0])).toEqual(['0', '1', '2', '3', '4']);
    expect(p.headers).toEqual(['a']);
    await expect(previewTable(file('a\n1\n'), -1)).rejects.toThrow(RangeError);
  });
});

describe('openTable — CSV refusals name the file, row and column', () => {
  it('refuses an unterminated quote at the end of the file', async () => {
    const e = await fileError(file('a,b,c\n1,2,3\n4,"open,6\n7,8,9\n', 'open-quote.csv'));
    expect(e.code).toBe('unterminated-quote');
    expect(e.message).toBe(
      'open-quote.csv, row 3, column "b": a quoted field is never closed (a missing " before the end of the file)',
    );
  });

  it('refuses a field over 1,000,000 characters', async () => {
    const e = await fileError(file(`a,b\n1,2\n3,${'z'.repeat(1_000_001)}\n`, 'huge.csv'));
    expect(e).toMatchObject({ code: 'field-too-long', row: 3, column: 'b' });
    expect(e.message).toMatch(/^huge\.csv, row 3, column "b": field is longer than 1,000,000 characters$/);
  });

  it('refuses more than 10,000 columns', async () => {
    const e = await fileError(file(`${Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(',')}\n1\n`));
    expect(e).toMatchObject({ code: 'too-many-columns', row: 1 });
  });

  it('refuses an empty file, a header without rows, and a first row of numbers', async () => {
    expect((await fileError(file(''))).code).toBe('empty');
    expect((await fileError(file('a,b\n'))).message).toMatch(/header row but no data rows/);
    expect((await fileError(file('1,2\n3,4\n'))).code).toBe('no-header');
  });

  it('refuses a file that does not exist', async () => {
    expect((await fileError(join(dir, 'missing.csv'))).code).toBe('not-found');
  });
});

describe('endsMidCharacter', () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  it('is false at the end of whole characters of every length', () => {
    for (const s of ['', 'abc', 'é', 'a€', '🚲']) expect(endsMidCharacter(bytes(s))).toBe(false);
  });

  it('is true when the last character lacks 1, 2 or 3 of its bytes', () => {
    expect(endsMidCharacter(bytes('aé').slice(0, 2))).toBe(true);
    expect(endsMidCharacter(bytes('€').slice(0, 2))).toBe(true);
    expect(endsMidCharacter(bytes('€').slice(0, 1))).toBe(true);
    expect(endsMidCharacter(bytes('🚲').slice(0, 3))).toBe(true);
    expect(endsMidCharacter(bytes('🚲').slice(0, 1))).toBe(true);
  });
});
