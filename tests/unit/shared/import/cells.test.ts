import { describe, expect, it } from 'vitest';
import { isFormulaLike, parseDecimal, trimCell } from '../../../../shared/import/cells.js';

describe('parseDecimal', () => {
  it('reads plain decimals, signs and exponents', () => {
    expect(parseDecimal('430000')).toBe(430000);
    expect(parseDecimal(' -1.548 ')).toBe(-1.548);
    expect(parseDecimal('+2.5e3')).toBe(2500);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('5.')).toBe(5);
  });

  it("refuses what Number() would wrongly accept: '', hex, Infinity, NaN, thousands commas, overflow", () => {
    for (const text of [
      '',
      '   ',
      '0x1A',
      'Infinity',
      '-Infinity',
      'NaN',
      '1,234',
      '1e999',
      '1e',
      '--1',
      '1.2.3',
      '.',
      '12abc',
    ]) {
      expect(Number.isNaN(parseDecimal(text)), text).toBe(true);
    }
  });
});

describe('isFormulaLike', () => {
  it('flags cells a spreadsheet would run', () => {
    for (const text of [
      '=1+2',
      '=HYPERLINK("x")',
      "=cmd|' /C calc'!A0",
      '@SUM(A1)',
      '+HYPERLINK("x")',
      '-cmd',
      '- Burglary',
    ]) {
      expect(isFormulaLike(text), text).toBe(true);
    }
  });

  it('leaves numbers, phone-like values and ordinary text alone', () => {
    for (const text of ['-5', '+44 113 496 0000', 'Burglary', '=', '-', '@', '', 'a=b', '==']) {
      expect(isFormulaLike(text), text).toBe(false);
    }
  });
});

describe('trimCell', () => {
  it('trims spaces, tabs and no-break spaces only when present', () => {
    expect(trimCell('  a \t')).toBe('a');
    expect(trimCell('\u00a0b')).toBe('b');
    const s = 'unchanged';
    expect(trimCell(s)).toBe(s);
  });
});
