import { describe, expect, it } from 'vitest';
import { csvCell, toSafeCsv } from '../../../../shared/profile/csv.js';

describe('csvCell', () => {
  it('prefixes cells a spreadsheet would run as a formula with a single quote', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+44 1234')).toBe("'+44 1234");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('writes numbers as numbers, negatives included, and leaves ordinary text alone', () => {
    expect(csvCell(-5.25)).toBe('-5.25');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('On or near Fell Crescent')).toBe('On or near Fell Crescent');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});

describe('toSafeCsv', () => {
  it('starts with a BOM and the header on the first line, then the rows, CRLF between lines', () => {
    const text = toSafeCsv(['a', 'b'], [[1, '=2']]);
    expect(text).toBe("\uFEFFa,b\r\n1,'=2");
  });

  it('encodes the BOM as the UTF-8 bytes EF BB BF', () => {
    const bytes = new TextEncoder().encode(toSafeCsv(['a'], []));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => toSafeCsv(['a', 'b'], [[1]])).toThrow(RangeError);
  });
});
