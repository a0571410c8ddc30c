import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../../shared/profile/format.js';

describe('formatDate', () => {
  it('writes a day as "1 October 2025"', () => {
    expect(formatDate('2025-10-01')).toBe('1 October 2025');
  });

  it('writes a month-only date as the month, inventing no day', () => {
    expect(formatDate('2017-04')).toBe('April 2017');
  });
});
