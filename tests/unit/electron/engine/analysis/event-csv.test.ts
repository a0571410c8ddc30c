import { describe, expect, it } from 'vitest';
import { EventCsvError, parseDay, parseEventCsv } from '../../../../../electron/engine/analysis/event-csv.js';
import { dayOf, wallClockMs } from '../../../../../shared/model/time.js';

describe('parseDay', () => {
  it('reads UK dates and ISO dates, ignoring a time of day', () => {
    const expected = dayOf(wallClockMs(2014, 3, 2));
    expect(parseDay('02/03/2014', 'dd/mm/yyyy')).toBe(expected);
    expect(parseDay('2/3/2014 23:59', 'dd/mm/yyyy')).toBe(expected);
    expect(parseDay('2014-03-02', 'iso')).toBe(expected);
    expect(parseDay('2014-03-02T08:00:00', 'iso')).toBe(expected);
  });
  it('refuses dates that do not exist or do not match the format', () => {
    expect(parseDay('31/02/2014', 'dd/mm/yyyy')).toBeNull();
    expect(parseDay('2014-13-01', 'iso')).toBeNull();
    expect(parseDay('2014-03-02', 'dd/mm/yyyy')).toBeNull();
    expect(parseDay('', 'iso')).toBeNull();
  });
});

describe('parseEventCsv', () => {
  it('takes the first row as a header unless its x and y cells are numbers', async () => {
    const withHeader = await parseEventCsv('x,y,d\n1000,2000,01/01/2020\n', { x: 'x', y: 'y', date: 'd' });
    expect(withHeader.hasHeader).toBe(true);
    expect(withHeader.rows).toBe(1);
    const without = await parseEventCsv('1000,2000,01/01/2020\n1001,2001,02/01/2020\n', {
      x: '1',
      y: '2',
      date: '3',
    });
    expect(without.hasHeader).toBe(false);
    expect(Array.from(without.events.x)).toEqual([1000, 1001]);
    expect(without.events.day[1] - without.events.day[0]).toBe(1);
  });
  it('counts every rejected row and keeps the first reasons', async () => {
    const csv = await parseEventCsv('x,y,d\n1,2,01/01/2020\n,2,01/01/2020\n1,2,nope\n', {
      x: 'x',
      y: 'y',
      date: 'd',
    });
    expect(csv.rejected).toBe(2);
    expect(csv.reasons).toEqual([
      "row 3: x/y '', '2' are not numbers",
      "row 4: date 'nope' is not a valid dd/mm/yyyy date",
    ]);
  });
  it('refuses a column name when the file has no header', async () => {
    await expect(parseEventCsv('1,2,01/01/2020\n', { x: '1', y: '2', date: 'when' })).rejects.toThrow(
      EventCsvError,
    );
  });
  it('reads a plain file from its bytes and a quoted one with papaparse to the same events, rows and reasons', async () => {
    // Blank lines, CRLF endings, a BOM, spaces around cells, a time of day, bad rows of each kind.
    const lines = [
      'id,x,y,when',
      '1, 1000.5 ,2000,01/01/2020',
      '',
      '2,1001,2001,02/01/2020 13:45',
      '3,abc,2002,03/01/2020',
      '4,1003,2003,31/02/2020',
      '5,1004,,04/01/2020',
      '6,-1005.25,2005e0,05/01/2020',
      '7,1006',
    ];
    const plain = `\uFEFF${lines.join('\r\n')}\r\n`;
    const quoted = `\uFEFF${lines.map((l) => l.replace(/^(\d+),/, '"$1",')).join('\r\n')}\r\n`;
    const options = { x: 'x', y: 'y', date: 'when' };
    const a = await parseEventCsv(plain, options);
    const b = await parseEventCsv(quoted, options);
    const day = (d: number, m: number, y: number) => dayOf(wallClockMs(y, m, d));
    for (const csv of [a, b]) {
      expect(csv.hasHeader).toBe(true);
      expect(csv.rows).toBe(7);
      expect(Array.from(csv.events.x)).toEqual([1000.5, 1001, -1005.25]);
      expect(Array.from(csv.events.y)).toEqual([2000, 2001, 2005]);
      expect(Array.from(csv.events.day)).toEqual([day(1, 1, 2020), day(2, 1, 2020), day(5, 1, 2020)]);
      expect(csv.rejected).toBe(4);
      expect(csv.reasons).toEqual([
        "row 4: x/y 'abc', '2002' are not numbers",
        "row 5: date '31/02/2020' is not a valid dd/mm/yyyy date",
        "row 6: x/y '1004', '' are not numbers",
        "row 8: x/y '1006', '' are not numbers",
      ]);
    }
  });
  it('names columns by number in a file without a header, ISO dates', async () => {
    const csv = await parseEventCsv('5,6,2021-03-04\n7,8,2021-03-05T10:00\n', {
      x: '1',
      y: '2',
      date: '3',
      dateFormat: 'iso',
    });
    expect(csv.hasHeader).toBe(false);
    expect(Array.from(csv.events.day)).toEqual([
      dayOf(wallClockMs(2021, 3, 4)),
      dayOf(wallClockMs(2021, 3, 5)),
    ]);
  });
});
