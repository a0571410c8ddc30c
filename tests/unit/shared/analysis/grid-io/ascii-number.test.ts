import { describe, expect, it } from 'vitest';
import { writePrecision } from '../../../../../shared/analysis/grid-io/ascii-number.js';
import { Random } from '../../../../../shared/util/random.js';

const decoder = new TextDecoder();

function written(value: number, digits: number): string {
  const out = new Uint8Array(40);
  return decoder.decode(out.subarray(0, writePrecision(value, digits, out, 0)));
}

/** The reference: JavaScript's own rounding to significant digits, printed without trailing zeros. */
function reference(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

describe('writePrecision', () => {
  it('writes hand-checked values with 10 significant digits and no trailing zeros', () => {
    expect(written(1.5, 10)).toBe('1.5');
    expect(written(12, 10)).toBe('12');
    expect(written(0.12345678912345, 10)).toBe('0.1234567891');
    expect(written(83902.61234567, 10)).toBe('83902.61235');
    expect(written(-0.000123, 10)).toBe('-0.000123');
    expect(written(1e-7, 10)).toBe('1e-7');
    expect(written(123456789012, 10)).toBe('123456789000');
    expect(written(9.9999999999, 10)).toBe('10');
  });

  it('rounds a half up as toPrecision does (0.125 to 2 digits is 0.13, 2.5 to 1 digit is 3)', () => {
    expect(written(0.125, 2)).toBe('0.13');
    expect(written(2.5, 1)).toBe('3');
    expect(written(-2.5, 1)).toBe('-3');
  });

  it('matches String(Number(v.toPrecision(d))) on random values over 30 decades and every digit count', () => {
    const random = new Random(11);
    const mismatches: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const value = (random.uniform(0, 1) - 0.3) * 10 ** Math.floor(random.uniform(-10, 22));
      const digits = 1 + (i % 17);
      for (const d of [10, digits]) {
        if (written(value, d) !== reference(value, d)) mismatches.push(`${value} @${d}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('matches the reference on exact binary fractions, where halves are exact ties', () => {
    const random = new Random(12);
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const value = Math.floor(random.uniform(0, 2 ** 20)) / 2 ** 10;
      for (let d = 1; d <= 12; d++)
        if (written(value, d) !== reference(value, d)) mismatches.push(`${value} @${d}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('matches the reference next to powers of ten, where log10 may be one off', () => {
    const mismatches: string[] = [];
    for (let k = -8; k <= 22; k++) {
      for (const m of [1, 1 - 2 ** -52, 1 + 2 ** -52, 9.9999999995, 9.999999999, 0.99999999995]) {
        const value = m * 10 ** k;
        for (const d of [1, 3, 10, 12])
          if (written(value, d) !== reference(value, d)) mismatches.push(`${value} @${d}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
