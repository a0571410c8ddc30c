import { describe, expect, it } from 'vitest';
import {
  csvField,
  hhmm,
  isoDay,
  parseIsoDay,
  toCsv,
  ukDateTime,
  ukDateTimeSeconds,
} from '../../../../shared/generate/format.js';
import { ukDate, wallClockMs } from '../../../../shared/model/time.js';

describe('format', () => {
  const t = wallClockMs(2024, 3, 5, 7, 9, 4);

  it('writes UK dates and times with leading zeros', () => {
    expect(ukDate(t)).toBe('05/03/2024');
    expect(hhmm(t)).toBe('07:09');
    expect(ukDateTime(t)).toBe('05/03/2024 07:09');
    expect(ukDateTimeSeconds(t)).toBe('05/03/2024 07:09:04');
    expect(isoDay(t)).toBe('2024-03-05');
  });

  it('parses yyyy-mm-dd and refuses other shapes and impossible dates', () => {
    expect(parseIsoDay('2025-12-31', 'endDate')).toBe(wallClockMs(2025, 12, 31));
    expect(() => parseIsoDay('2025-02-29', 'endDate')).toThrow(/not a real date/);
    expect(() => parseIsoDay('31/12/2025', 'endDate')).toThrow(/yyyy-mm-dd/);
  });

  it('quotes a CSV field only when it holds a comma, quote or line break, doubling quotes', () => {
    expect(csvField('On or near High Street')).toBe('On or near High Street');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('ends every line of a CSV with CRLF (RFC 4180)', () => {
    expect(
      toCsv(
        ['A', 'B'],
        [
          ['1', 'x,y'],
          ['2', ''],
        ],
      ),
    ).toBe('A,B\r\n1,"x,y"\r\n2,\r\n');
  });
});
