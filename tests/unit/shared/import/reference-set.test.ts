import { describe, expect, it } from 'vitest';
import { ReferenceSet } from '../../../../shared/import/reference-set.js';

describe('ReferenceSet.firstRowOf', () => {
  it('returns 0 for a new reference and the first row for a repeat', () => {
    const set = new ReferenceSet();
    expect(set.firstRowOf('C1', 2)).toBe(0);
    expect(set.firstRowOf('C2', 3)).toBe(0);
    expect(set.firstRowOf('C1', 4)).toBe(2);
    expect(set.firstRowOf('C1', 5)).toBe(2);
    expect(set.count).toBe(2);
  });

  it('agrees with a Map on 100,000 references with planted repeats, across table growth', () => {
    const set = new ReferenceSet();
    const reference = new Map<string, number>();
    for (let row = 1; row <= 100_000; row++) {
      // Every 7th row repeats an earlier reference; the rest are new.
      const text = row % 7 === 0 ? `ref-${row - 5}` : `ref-${row}`;
      const expected = reference.get(text) ?? 0;
      if (expected === 0) reference.set(text, row);
      expect(set.firstRowOf(text, row)).toBe(expected);
    }
    expect(set.count).toBe(reference.size);
  });

  it('tells apart references that differ in one character or by case', () => {
    const set = new ReferenceSet();
    set.firstRowOf('abcdef0123456789', 1);
    expect(set.firstRowOf('abcdef0123456788', 2)).toBe(0);
    expect(set.firstRowOf('ABCDEF0123456789', 3)).toBe(0);
  });

  it('checks the row number', () => {
    expect(() => new ReferenceSet().firstRowOf('x', 0)).toThrow('rowNumber must be >= 1, got 0');
  });
});
