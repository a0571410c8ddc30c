import { describe, expect, it } from 'vitest';
import {
  cellText,
  decode,
  isPlainCsv,
  plainFirstLine,
  readNumericColumns,
} from '../../../../shared/import/numeric-csv.js';
import { Random } from '../../../../shared/util/random.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The reference: split the decoded text, skip blank lines, Number() of each trimmed, finite cell. */
function reference(text: string, wanted: number[]): number[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split(',');
      return wanted.map((c) => {
        const cell = cells[c];
        const v = Number(cell);
        return cell !== undefined && cell.trim() !== '' && Number.isFinite(v) ? v : Number.NaN;
      });
    });
}

function rowsOf(columns: Float64Array[], rows: number): number[][] {
  return Array.from({ length: rows }, (_, r) => columns.map((c) => c[r]));
}

describe('isPlainCsv', () => {
  it('refuses a quote anywhere and a carriage return that does not end a line', () => {
    expect(isPlainCsv(bytesOf('a,b\r\n1,2\r\n'))).toBe(true);
    expect(isPlainCsv(bytesOf('a,b\n"1",2\n'))).toBe(false);
    expect(isPlainCsv(bytesOf('a,b\r1,2\r'))).toBe(false);
  });
});

describe('readNumericColumns', () => {
  it('reads hand-written cells: spaces, signs, a bare point, exponents, blanks and text', () => {
    const text = ' 1.5 ,x,-2\n\n+3,y,.25\r\n1e3,z,4.\n  \nabc,w,\n-0,v,Infinity\n7,u';
    const { columns, rows, lineStarts } = readNumericColumns(bytesOf(text), 0, [0, 2]);
    expect(rows).toBe(6);
    expect(rowsOf(columns, rows)).toEqual([
      [1.5, -2],
      [3, 0.25],
      [1000, 4],
      [Number.NaN, Number.NaN],
      [-0, Number.NaN],
      [7, Number.NaN],
    ]);
    expect(Object.is(columns[0][4], -0)).toBe(true);
    expect(cellText(bytesOf(text), lineStarts[3], 0)).toBe('abc');
    expect(cellText(bytesOf(text), lineStarts[5], 2)).toBeUndefined();
  });

  it('gives the same doubles as Number() on random decimals of 1 to 20 digits, and a column read twice', () => {
    const random = new Random(3);
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const cell = () => {
        const digits = random.int(1, 21);
        let text = '';
        for (let d = 0; d < digits; d++) text += String(random.int(0, 10));
        const point = random.int(0, digits + 1);
        const sign = random.uniform(0, 1) < 0.2 ? '-' : '';
        return `${sign}${text.slice(0, point)}.${text.slice(point)}`.replace(/\.$/, '');
      };
      lines.push(`${cell()},${cell()},${cell()}`);
    }
    const text = `${lines.join('\n')}\n`;
    const wanted = [2, 0, 2];
    const { columns, rows } = readNumericColumns(bytesOf(text), 0, wanted);
    expect(rows).toBe(lines.length);
    const expected = reference(text, wanted);
    const got = rowsOf(columns, rows);
    const mismatches = got.filter((row, r) => row.some((v, k) => !Object.is(v, expected[r][k])));
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  it('backs the columns with SharedArrayBuffers, so the pool reads them without a copy', () => {
    const { columns } = readNumericColumns(bytesOf('1,2\n3,4\n'), 0, [0, 1]);
    expect(columns.every((c) => c.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(columns[1].length).toBe(2);
  });
  it('reads a column with its own cell reader, also a column wanted twice under two readers', () => {
    const length = (b: Uint8Array, start: number, end: number) =>
      decode(b, start, end).trim().length || Number.NaN;
    const { columns, rows } = readNumericColumns(
      bytesOf('12,abc\n\n7, de \n8,\n'),
      0,
      [0, 1, 1],
      [undefined, length, undefined],
    );
    expect(rowsOf(columns, rows)).toEqual([
      [12, 3, Number.NaN],
      [7, 2, Number.NaN],
      [8, Number.NaN, Number.NaN],
    ]);
  });
});

describe('plainFirstLine', () => {
  it('cuts the first non-blank line at commas and says where the next starts', () => {
    const bytes = bytesOf('\r\n  \nx,y\r\n1,2\n');
    expect(plainFirstLine(bytes, 0)).toEqual({ cells: ['x', 'y'], start: 5, next: 10 });
  });
  it('leaves quoted files and other delimiters to a full CSV reader', () => {
    expect(plainFirstLine(bytesOf('"x",y\n1,2\n'), 0)).toBeNull();
    expect(plainFirstLine(bytesOf('x;y\n1;2\n'), 0)).toBeNull();
    expect(plainFirstLine(bytesOf('x\ty,z\n'), 0)).toBeNull();
  });
});

describe('decode', () => {
  it('gives what TextDecoder gives for ASCII cells, non-ASCII text and long runs', () => {
    const text = `x,12.5,Ünïcödé,€5,${'long '.repeat(30)},🙂`;
    const bytes = bytesOf(text);
    const utf8 = new TextDecoder();
    for (let start = 0; start < bytes.length; start += 3) {
      for (const end of [start, start + 1, start + 7, start + 70, bytes.length]) {
        const e = Math.min(end, bytes.length);
        expect(decode(bytes, start, e)).toBe(utf8.decode(bytes.subarray(start, e)));
      }
    }
  });
});
