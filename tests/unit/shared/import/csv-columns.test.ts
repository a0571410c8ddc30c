import { describe, expect, it } from 'vitest';
import {
  type ColumnSpec,
  CsvColumnError,
  locateColumns,
  openCsvColumns,
  type TextReader,
} from '../../../../shared/import/csv-columns.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The table of `text` as plain rows of numbers and the cells of the wanted columns, row by row. */
async function tableOf(
  text: string,
  hasHeader: boolean,
  wanted: number[],
  readers?: (TextReader | undefined)[],
) {
  const table = (await openCsvColumns(bytesOf(text))).table(hasHeader, wanted, readers);
  const rows = Array.from({ length: table.rows }, (_, r) => table.columns.map((c) => c[r]));
  const cells = Array.from({ length: table.rows }, (_, r) => wanted.map((c) => table.cell(r, c)));
  return { rows, cells, shared: table.columns.every((c) => c.buffer instanceof SharedArrayBuffer) };
}

/** The same cells with the first column quoted, which only papaparse reads. */
const quoted = (text: string) => text.replace(/^([^,\r\n]*),/gm, '"$1",');

const specs = (...pairs: [string, string][]): ColumnSpec[] =>
  pairs.map(([option, spec]) => ({ option, spec }));

describe('openCsvColumns(bytes).table(hasHeader, wanted, readers)', () => {
  // A BOM, CRLF endings, blank lines (one of spaces), spaces around cells, a short row, a bad cell.
  const text =
    '\uFEFFid,x,y,when\r\n1, 100.5 ,200,02/01/2020\r\n\r\n2,abc,201,x\r\n   \r\n3,102\r\n4,-1e2,203,05/01/2020\r\n5,1,2, \r\n';
  const day: TextReader = (cell) => (/^\d\d\/01\/2020$/.test(cell) ? Number(cell.slice(0, 2)) : Number.NaN);

  it('reads a plain file from its bytes and a quoted one with papaparse to the same table', async () => {
    const plain = await tableOf(text, true, [1, 2, 3], [undefined, undefined, day]);
    const papa = await tableOf(quoted(text), true, [1, 2, 3], [undefined, undefined, day]);
    const nan = Number.NaN;
    expect(plain.rows).toEqual([
      [100.5, 200, 2],
      [nan, 201, nan],
      [102, nan, nan],
      [-100, 203, 5],
      [1, 2, nan],
    ]);
    expect(plain.cells).toEqual([
      [' 100.5 ', '200', '02/01/2020'],
      ['abc', '201', 'x'],
      ['102', undefined, undefined],
      ['-1e2', '203', '05/01/2020'],
      ['1', '2', ' '],
    ]);
    expect(papa).toEqual(plain);
  });

  it('gives a text reader the trimmed cell, never an empty or missing one, in both paths', async () => {
    for (const file of [text, quoted(text)]) {
      const seen: string[] = [];
      const reader: TextReader = (cell) => {
        seen.push(cell);
        return 1;
      };
      await tableOf(file, true, [0], [reader]);
      expect(seen).toEqual(['1', '2', '3', '4', '5']);
      seen.length = 0;
      await tableOf(file, true, [3], [reader]);
      expect(seen).toEqual(['02/01/2020', 'x', '05/01/2020']);
    }
  });

  it('reads from the first row when it is data, into SharedArrayBuffers', async () => {
    for (const file of ['\n5,6\n7,8\n', '\n"5",6\n7,8\n']) {
      const table = await tableOf(file, false, [1, 0]);
      expect(table.rows).toEqual([
        [6, 5],
        [8, 7],
      ]);
      expect(table.shared).toBe(true);
    }
  });

  it('gives the first non-blank row as cells, and none for a file of blank lines', async () => {
    expect((await openCsvColumns(bytesOf('\uFEFF\n\nid,x\n1,2\n'))).first).toEqual(['id', 'x']);
    expect((await openCsvColumns(bytesOf('id;x\n1;2\n'))).first).toEqual(['id', 'x']);
    expect((await openCsvColumns(bytesOf('\n \n'))).first).toEqual([]);
  });
});

describe('locateColumns(first, specs)', () => {
  const header = ['id', ' Easting ', 'northing', 'X'];

  it('takes the first row as a header unless the x and y specs are numbers whose cells are numbers', () => {
    expect(locateColumns(['1', '100', '200'], specs(['--x', '2'], ['--y', '3']))).toEqual({
      hasHeader: false,
      indices: [1, 2],
    });
    expect(locateColumns(['id', '100', 'y'], specs(['--x', '2'], ['--y', '3'])).hasHeader).toBe(true);
    expect(locateColumns(header, specs(['--x', 'Easting'], ['--y', '3'])).hasHeader).toBe(true);
    // The specs at `xy` decide, not the first two.
    expect(
      locateColumns(['a', '1', '2'], specs(['--date', '1'], ['--x', '2'], ['--y', '3']), [1, 2]),
    ).toEqual({
      hasHeader: false,
      indices: [0, 1, 2],
    });
  });

  it('reads a spec of digits only as a 1-based column number, even when a header has that name', () => {
    expect(locateColumns(['2', '1', 'y'], specs(['--x', '1'], ['--y', ' 3 '])).indices).toEqual([0, 2]);
  });

  it('matches a name trimmed, exact case first, then in any case', () => {
    expect(locateColumns(header, specs(['--x', 'Easting'], ['--y', 'northing '])).indices).toEqual([1, 2]);
    expect(locateColumns(header, specs(['--x', 'EASTING'], ['--y', 'Northing'])).indices).toEqual([1, 2]);
    expect(locateColumns([...header, 'x'], specs(['--x', 'x'], ['--y', 'X'])).indices).toEqual([4, 3]);
  });

  it('refuses a name that matches several columns in other cases', () => {
    expect(() => locateColumns(['Name', 'NAME', 'y'], specs(['--x', 'name'], ['--y', 'y']))).toThrow(
      "--x 'name' matches the columns Name, NAME; give the exact name or a column number",
    );
  });

  it('refuses an unknown name, listing the columns', () => {
    expect(() => locateColumns(header, specs(['--x', 'east'], ['--y', 'northing']))).toThrow(
      new CsvColumnError("--x 'east' is not a column; the columns are: id, Easting, northing, X"),
    );
  });

  it('refuses a number past the last column, and column 0', () => {
    expect(() => locateColumns(header, specs(['--x', '5'], ['--y', '2']))).toThrow(
      '--x 5: the file has only 4 columns',
    );
    expect(() => locateColumns(header, specs(['--x', '0'], ['--y', '2']))).toThrow(
      '--x 0: columns are numbered from 1',
    );
  });

  it('refuses a name when the first row is data, and an empty file', () => {
    expect(() =>
      locateColumns(['1', '2', '3'], specs(['--x', '1'], ['--y', '2'], ['--weight', 'w'])),
    ).toThrow("--weight 'w': the file has no header row, give a column number (1, 2, …)");
    expect(() => locateColumns([], specs(['--x', 'x'], ['--y', 'y']))).toThrow(
      new CsvColumnError('the CSV file is empty'),
    );
  });
});
