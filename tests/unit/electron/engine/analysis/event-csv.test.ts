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
  it('takes the first row as a header unless its x and y cells are numbers', () => {
    const withHeader = parseEventCsv('x,y,d\n1000,2000,01/01/2020\n', { x: 'x', y: 'y', date: 'd' });
    expect(withHeader.hasHeader).toBe(true);
    expect(withHeader.rows).toBe(1);
    const without = parseEventCsv('1000,2000,01/01/2020\n1001,2001,02/01/2020\n', {
      x: '1',
      y: '2',
      date: '3',
    });
    expect(without.hasHeader).toBe(false);
    expect(Array.from(without.events.x)).toEqual([1000, 1001]);
    expect(without.events.day[1] - without.events.day[0]).toBe(1);
  });
  it('counts every rejected row and keeps the first reasons', () => {
    const csv = parseEventCsv('x,y,d\n1,2,01/01/2020\n,2,01/01/2020\n1,2,nope\n', {
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
  it('refuses a column name when the file has no header', () => {
    expect(() => parseEventCsv('1,2,01/01/2020\n', { x: '1', y: '2', date: 'when' })).toThrow(EventCsvError);
  });
});
