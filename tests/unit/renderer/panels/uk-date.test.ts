import { describe, expect, it } from 'vitest';
import { isoToUk, parseUkDate } from '../../../../renderer/src/panels/uk-date.js';

describe('parseUkDate', () => {
  it('reads day first, as UK analysts write dates', () => {
    expect(parseUkDate('03/02/2026')).toEqual({ iso: '2026-02-03' });
    expect(parseUkDate('31/12/2025')).toEqual({ iso: '2025-12-31' });
  });

  it('takes single-digit days and months, dots or dashes, and spaces around', () => {
    expect(parseUkDate(' 3/2/2026 ')).toEqual({ iso: '2026-02-03' });
    expect(parseUkDate('03.02.2026')).toEqual({ iso: '2026-02-03' });
    expect(parseUkDate('03-02-2026')).toEqual({ iso: '2026-02-03' });
  });

  it('gives null for a blank field (no restriction)', () => {
    expect(parseUkDate('')).toEqual({ iso: null });
    expect(parseUkDate('   ')).toEqual({ iso: null });
  });

  it('refuses dates that do not exist, naming the expected form', () => {
    for (const text of ['29/02/2025', '31/04/2026', '00/01/2026', '12/13/2026']) {
      const parsed = parseUkDate(text);
      expect(parsed).toHaveProperty('error');
      expect((parsed as { error: string }).error).toContain('dd/mm/yyyy');
    }
    expect(parseUkDate('29/02/2024')).toEqual({ iso: '2024-02-29' });
  });

  it('refuses other shapes: ISO, US with a two-digit year, words', () => {
    for (const text of ['2026-02-03', '2/3/26', 'yesterday', '03/02/2026 10:00'])
      expect(parseUkDate(text)).toHaveProperty('error');
  });
});

describe('isoToUk', () => {
  it('writes yyyy-mm-dd as dd/mm/yyyy', () => {
    expect(isoToUk('2026-02-03')).toBe('03/02/2026');
    expect(isoToUk('1999-12-31')).toBe('31/12/1999');
  });

  it('gives an empty text for null or a malformed value', () => {
    expect(isoToUk(null)).toBe('');
    expect(isoToUk('2026-02-30')).toBe('');
  });

  it('round-trips with parseUkDate', () => {
    for (const iso of ['2024-02-29', '2026-01-01', '2025-10-09'])
      expect(parseUkDate(isoToUk(iso))).toEqual({ iso });
  });
});
