import { describe, expect, it } from 'vitest';
import {
  type DateContext,
  parseDateCell,
  parseTimeCell,
  ukWallClockOfUtc,
} from '../../../../shared/import/dates.js';
import { MS_PER_DAY } from '../../../../shared/model/time.js';

const uk: DateContext = { format: 'dmy', nowYear: 2025 };
const us: DateContext = { format: 'mdy', nowYear: 2025 };

function at(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, m - 1, d, h, mi, s);
}

function ok(text: string, ctx = uk) {
  const parsed = parseDateCell(text, ctx);
  if (typeof parsed === 'string') throw new Error(`expected a date from ${text}, got: ${parsed}`);
  return parsed;
}

describe('parseDateCell — UK dates', () => {
  it('reads dd/mm/yyyy as the whole day, day first', () => {
    expect(ok('04/03/2017')).toEqual({
      startMs: at(2017, 3, 4),
      endMs: at(2017, 3, 5) - 1,
      precision: 'date',
    });
  });

  it('reads d/m/yyyy and the - and . separators', () => {
    expect(ok('4/3/2017').startMs).toBe(at(2017, 3, 4));
    expect(ok('04-03-2017').startMs).toBe(at(2017, 3, 4));
    expect(ok('04.03.2017').startMs).toBe(at(2017, 3, 4));
  });

  it('reads mm/dd/yyyy when the mapping says mdy', () => {
    expect(ok('04/03/2017', us).startMs).toBe(at(2017, 4, 3));
  });

  it('pivots two-digit years: 20yy unless after now + 1, then 19yy', () => {
    expect(ok('01/02/17').startMs).toBe(at(2017, 2, 1));
    expect(ok('01/02/26').startMs).toBe(at(2026, 2, 1)); // 2026 = now + 1: still 20yy
    expect(ok('01/02/27').startMs).toBe(at(1927, 2, 1));
    expect(ok('01/02/99').startMs).toBe(at(1999, 2, 1));
  });

  it('reads month names: dd-Mon-yy and d Month yyyy', () => {
    expect(ok('01-Apr-17').startMs).toBe(at(2017, 4, 1));
    expect(ok('1 April 2017').startMs).toBe(at(2017, 4, 1));
    expect(ok('15 sept 2019').startMs).toBe(at(2019, 9, 15));
  });

  it('reads a date-time with HH:MM and HH:MM:SS after a space', () => {
    expect(ok('04/03/2017 13:45')).toEqual({
      startMs: at(2017, 3, 4, 13, 45),
      endMs: at(2017, 3, 4, 13, 45),
      precision: 'exact',
    });
    expect(ok('04/03/2017 07:05:09').startMs).toBe(at(2017, 3, 4, 7, 5, 9));
  });

  it('rejects 31/02/2024, naming the value and the expected format', () => {
    expect(parseDateCell('31/02/2024', uk)).toBe('31/02/2024 is not a real date; expected dd/mm/yyyy');
  });

  it('accepts 29 February only in leap years (2024 yes, 2023 no, 1900 no, 2000 yes)', () => {
    expect(ok('29/02/2024').startMs).toBe(at(2024, 2, 29));
    expect(ok('29/02/2000').startMs).toBe(at(2000, 2, 29));
    expect(parseDateCell('29/02/2023', uk)).toMatch(/not a real date/);
    expect(parseDateCell('29/02/1900', uk)).toMatch(/not a real date/);
  });

  it('rejects month 13, day 0 and an impossible time', () => {
    expect(parseDateCell('01/13/2020', uk)).toMatch(/not a real date/);
    expect(parseDateCell('00/12/2020', uk)).toMatch(/not a real date/);
    expect(parseDateCell('01/12/2020 24:00', uk)).toMatch(/impossible or unreadable time/);
    expect(parseDateCell('01/12/2020 10:60', uk)).toMatch(/impossible or unreadable time/);
  });

  it('rejects text that is not a date, with the expected format', () => {
    expect(parseDateCell('yesterday', uk)).toBe('yesterday is not a date; expected dd/mm/yyyy');
    expect(parseDateCell('12/2020/01', uk)).toMatch(/not a date/);
    expect(parseDateCell('', uk)).toMatch(/empty date/);
    expect(parseDateCell('01/02/2020 lunchtime', uk)).toMatch(/time/);
  });
});

describe('parseDateCell — ISO 8601', () => {
  it('reads yyyy-mm-dd and yyyy/mm/dd and yyyymmdd', () => {
    expect(ok('2017-03-04').startMs).toBe(at(2017, 3, 4));
    expect(ok('2017/03/04').startMs).toBe(at(2017, 3, 4));
    expect(ok('20170304').startMs).toBe(at(2017, 3, 4));
  });

  it("reads date-times with 'T' or a space, with or without seconds and fractions", () => {
    expect(ok('2017-03-04T13:45').startMs).toBe(at(2017, 3, 4, 13, 45));
    expect(ok('2017-03-04 13:45:30').startMs).toBe(at(2017, 3, 4, 13, 45, 30));
    expect(ok('2017-03-04T13:45:30.250').startMs).toBe(at(2017, 3, 4, 13, 45, 30) + 250);
  });

  it('converts Z and offsets to UK civil time (BST in summer, GMT in winter)', () => {
    expect(ok('2017-07-01T12:00:00Z').startMs).toBe(at(2017, 7, 1, 13, 0));
    expect(ok('2017-01-10T12:00:00Z').startMs).toBe(at(2017, 1, 10, 12, 0));
    expect(ok('2017-07-01T14:00:00+02:00').startMs).toBe(at(2017, 7, 1, 13, 0));
  });

  it('reads a month only: yyyy-mm, mm/yyyy, m/yyyy, Mon yyyy → the whole month', () => {
    const april = { startMs: at(2017, 4, 1), endMs: at(2017, 5, 1) - 1, precision: 'month' };
    expect(ok('2017-04')).toEqual(april);
    expect(ok('04/2017')).toEqual(april);
    expect(ok('4/2017')).toEqual(april);
    expect(ok('Apr 2017')).toEqual(april);
    expect(ok('2017-12').endMs).toBe(at(2018, 1, 1) - 1);
  });
});

describe('parseDateCell — Excel serial dates (1900 system)', () => {
  it('reads 42832 as 07/04/2017 and a fraction as the time of day', () => {
    expect(ok('42832')).toEqual({
      startMs: at(2017, 4, 7),
      endMs: at(2017, 4, 7) + MS_PER_DAY - 1,
      precision: 'date',
    });
    expect(ok('42832.75').startMs).toBe(at(2017, 4, 7, 18, 0));
  });

  it("handles Lotus 1-2-3's leap-year bug: 59 = 28/02/1900, 60 refused, 61 = 01/03/1900, 1 = 01/01/1900", () => {
    expect(ok('1').startMs).toBe(at(1900, 1, 1));
    expect(ok('59').startMs).toBe(at(1900, 2, 28));
    expect(parseDateCell('60', uk)).toMatch(/29\/02\/1900, which does not exist/);
    expect(ok('61').startMs).toBe(at(1900, 3, 1));
  });

  it('refuses serials out of range', () => {
    expect(parseDateCell('0', uk)).toMatch(/Excel date number must be/);
    expect(parseDateCell('3000000', uk)).toMatch(/Excel date number must be/);
  });
});

describe('parseTimeCell', () => {
  it('reads HH:MM, H:MM, HH:MM:SS, HHMM and Excel day fractions', () => {
    expect(parseTimeCell('13:45')).toBe((13 * 60 + 45) * 60_000);
    expect(parseTimeCell('9:05')).toBe((9 * 60 + 5) * 60_000);
    expect(parseTimeCell('23:59:59')).toBe(((23 * 60 + 59) * 60 + 59) * 1000);
    expect(parseTimeCell('0930')).toBe((9 * 60 + 30) * 60_000);
    expect(parseTimeCell('0.5')).toBe(12 * 3_600_000);
  });

  it('rejects impossible and non-24-hour times', () => {
    expect(parseTimeCell('2400')).toMatch(/not a real time/);
    expect(parseTimeCell('12:61')).toMatch(/not a time/);
    expect(parseTimeCell('1:30 pm')).toMatch(/expected 24-hour HH:MM/);
    expect(parseTimeCell('')).toMatch(/empty time/);
  });
});

describe('ukWallClockOfUtc', () => {
  it('switches to BST at 01:00 UTC on the last Sunday of March and back on the last Sunday of October', () => {
    // 2019: 31 March and 27 October.
    expect(ukWallClockOfUtc(at(2019, 3, 31, 0, 59))).toBe(at(2019, 3, 31, 0, 59));
    expect(ukWallClockOfUtc(at(2019, 3, 31, 1, 0))).toBe(at(2019, 3, 31, 2, 0));
    expect(ukWallClockOfUtc(at(2019, 10, 27, 0, 59))).toBe(at(2019, 10, 27, 1, 59));
    expect(ukWallClockOfUtc(at(2019, 10, 27, 1, 0))).toBe(at(2019, 10, 27, 1, 0));
  });
});
