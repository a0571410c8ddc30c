import { describe, expect, it } from 'vitest';
import { formatDate, formatP } from '../../../../shared/profile/format.js';

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
