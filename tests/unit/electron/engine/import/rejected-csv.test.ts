import { describe, expect, it } from 'vitest';
import { csvCell, rejectedRowsCsv } from '../../../../../electron/engine/import/rejected-csv.js';

describe('csvCell', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44 20', "'+44 20"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('rejectedRowsCsv', () => {
  it('writes the row number, every original cell and all reasons of a row, CRLF-terminated', () => {
    const text = rejectedRowsCsv(
      ['a', 'b'],
      [
        {
          rowNumber: 7,
          cells: ['1'],
          issues: [
            { column: 'a', reason: 'bad a' },
            { column: null, reason: 'too few cells' },
          ],
        },
      ],
    );
    expect(text).toBe('row,a,b,rejected_column,rejected_reason\r\n7,1,,a; ,bad a; too few cells\r\n');
  });
});
