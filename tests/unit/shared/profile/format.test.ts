import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatNumber, formatP } from '../../../../shared/profile/format.js';
import { Random } from '../../../../shared/util/random.js';

describe('formatDate', () => {
  it('writes a day as "1 October 2025"', () => {
    expect(formatDate('2025-10-01')).toBe('1 October 2025');
  });

  it('writes a month-only date as the month, inventing no day', () => {
    expect(formatDate('2017-04')).toBe('April 2017');
  });
});

describe('formatP', () => {
  it('writes small p-values as < 0.001, others with three decimals', () => {
    expect(formatP(0.0005)).toBe('< 0.001');
    expect(formatP(0.01)).toBe('0.010');
  });
});

describe('formatNumber and formatCount write what toLocaleString writes', () => {
  const icu = (n: number, digits: number) => n.toLocaleString('en-GB', { maximumFractionDigits: digits });
  const values = [
    0,
    -0,
    1,
    -1,
    5,
    999,
    1000,
    -1000,
    9999.5,
    123456789,
    -987654321.25,
    1e20,
    9.99e20,
    1e21,
    2e-7,
    1e-6,
    0.0005,
    0.0015,
    0.0025,
    -0.0005,
    -0.0004,
    0.5,
    1.0005,
    2.675,
    999.9995,
    999999.9996,
    0.1 + 0.2,
    13611.5,
    231.868,
    100,
    1 / 3,
    -2 / 3,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  const random = new Random(5);
  for (let k = 0; k < 3000; k++) {
    const magnitude = 10 ** random.uniform(-7, 22);
    const v = (random.uniform(0, 1) < 0.3 ? -1 : 1) * random.uniform(0, 1) * magnitude;
    values.push(v, Number(v.toPrecision(1 + (k % 7))), Math.round(v * 1000) / 1000 + 0.0005);
  }

  it('for any number, at 0 to 4 decimals', () => {
    for (const v of values) {
      for (const digits of [0, 1, 2, 3, 4])
        expect(formatNumber(v, digits), `${v} ${digits}`).toBe(icu(v, digits));
    }
  });

  it('formatCount as Math.round(n).toLocaleString', () => {
    for (const v of values) expect(formatCount(v), String(v)).toBe(Math.round(v).toLocaleString('en-GB'));
  });
});
