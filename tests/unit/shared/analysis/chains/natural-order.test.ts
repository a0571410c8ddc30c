import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../../../../shared/analysis/chains/natural-order.js';

describe('naturalCompare', () => {
  it('orders digit runs by value: CR/9/24 before CR/10/24', () => {
    expect(['CR/10/24', 'CR/9/24', 'CR/100/23', 'CR/9/23'].sort(naturalCompare)).toEqual([
      'CR/9/23',
      'CR/9/24',
      'CR/10/24',
      'CR/100/23',
    ]);
  });

  it('orders letters by code unit and a prefix first', () => {
    expect(['B1', 'A10', 'A2', 'A'].sort(naturalCompare)).toEqual(['A', 'A2', 'A10', 'B1']);
  });

  it('is a total order: equal values with leading zeros are told apart, shorter first, and equal strings tie', () => {
    expect(naturalCompare('CR7', 'CR07')).toBeLessThan(0);
    expect(naturalCompare('CR07', 'CR7')).toBeGreaterThan(0);
    expect(naturalCompare('CR7', 'CR7')).toBe(0);
  });
});
